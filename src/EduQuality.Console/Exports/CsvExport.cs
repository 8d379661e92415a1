using System.Globalization;
using System.Text;
using EduQuality.WebConsole.Data;

namespace EduQuality.WebConsole.Exports;

/// <summary>
/// Writes a table as CSV the way Russian spreadsheets read it: UTF-8 with a byte-order mark, ';' between fields,
/// comma decimals; shares as fractions 0..1; a header line, no title.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(ReportTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(';', table.Columns.Select(c => Quote(c.Header))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.AppendJoin(';', row.Select(Field)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(object value) => value switch
    {
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number when double.IsFinite(number) => number.ToString("0.######", Labels.Russian),
        double => "",
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text) =>
        text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
