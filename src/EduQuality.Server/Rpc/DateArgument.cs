using System.Globalization;

namespace EduQuality.Server.Rpc;

/// <summary>Parses ISO dates ("YYYY-MM-DD") given in requests.</summary>
public static class DateArgument
{
    /// <summary>The date, or today (UTC) when the text is empty.</summary>
    public static DateOnly ParseOrToday(string field, string text) =>
        text.Length == 0 ? DateOnly.FromDateTime(DateTime.UtcNow) : Parse(field, text);

    public static DateOnly Parse(string field, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw InvalidInputException.Single(field, text, "expected a date as YYYY-MM-DD");
}
