namespace EduQuality.Cli.Import.Tables;

/// <summary>One data row of a file: its line (CSV line or sheet row number, 1-based) and its cells by column.</summary>
public sealed record SourceRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The trimmed cell of a column, empty when the row is shorter.</summary>
    public string Cell(int column) => column < Cells.Count ? Cells[column].Trim() : "";

    /// <summary>Whether every cell is blank (such rows are skipped).</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
