using System.Globalization;
using EduQuality.Api.V1;

namespace EduQuality.WebConsole.Data;

/// <summary>The procedure, subject and grade a console page shows, for one academic year.</summary>
public sealed record SliceChoice(int Year, Procedure Procedure, string Subject, int Grade)
{
    public static SliceChoice Of(Slice slice) => new(slice.Year, slice.Procedure, slice.Subject, slice.Grade);

    public Slice ToContract() => new() { Year = Year, Procedure = Procedure, Subject = Subject, Grade = Grade };

    /// <summary>Query string of console links and exports: year, procedure, subject, grade.</summary>
    public string Query() => string.Create(CultureInfo.InvariantCulture,
        $"year={Year}&procedure={(int)Procedure}&subject={Uri.EscapeDataString(Subject)}&grade={Grade}");

    /// <summary>The slice named by query values, or null when one is missing or malformed.</summary>
    public static SliceChoice? Parse(int? year, int? procedure, string? subject, int? grade) =>
        year is { } y && procedure is { } p && Enum.IsDefined((Procedure)p) && p != 0 && !string.IsNullOrEmpty(subject) && grade is { } g
            ? new SliceChoice(y, (Procedure)p, subject, g)
            : null;

    public bool Matches(Slice slice) =>
        slice.Procedure == Procedure && slice.Subject == Subject && slice.Grade == Grade && slice.ClassLabel.Length == 0;
}
