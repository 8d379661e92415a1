namespace EduQuality.WebConsole.Data;

/// <summary>A column: header and .NET format of its numbers ("" for text, "N0", "N1", "P1"...).</summary>
public sealed record TableColumn(string Header, string Format = "");

/// <summary>
/// One table as the console shows it and every export writes it (XLSX, CSV, the PDF report): cells are text,
/// whole numbers (long) or fractions and means (double); shares are fractions 0..1 shown with "P1".
/// </summary>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<object>> Rows)
{
    /// <summary>A cell as a Russian reader sees it.</summary>
    public string Text(int column, object value) => value switch
    {
        string text => text,
        long number => number.ToString(Columns[column].Format.Length > 0 ? Columns[column].Format : "N0", Labels.Russian),
        double number when double.IsNaN(number) => "—",
        double number => number.ToString(Columns[column].Format.Length > 0 ? Columns[column].Format : "N2", Labels.Russian),
        _ => value.ToString() ?? "",
    };
}
