using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EduQuality.Cli.Import.Tables;

/// <summary>The first worksheet of an XLSX workbook; row 1 (or the first non-empty row) holds the headers.</summary>
public sealed class XlsxTable : SourceTable
{
    private readonly List<SourceRow> _rows;
    private readonly List<string> _headers;

    public XlsxTable(string path, byte[] content) : base(path, content)
    {
        try
        {
            _rows = ReadSheet(content);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new ImportException($"Файл {path} не читается как книга XLSX: {e.Message}");
        }

        var header = _rows.FirstOrDefault(r => !r.IsBlank) ?? throw new ImportException($"Файл {path}: на первом листе нет строки заголовков.");
        HeaderLine = header.Line;
        _headers = [.. header.Cells.Select(c => c.Trim())];
        _rows = [.. _rows.Where(r => r.Line > HeaderLine && !r.IsBlank)];
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override int HeaderLine { get; }

    public override IEnumerable<SourceRow> Rows() => _rows;

    public override string ColumnName(int column) => $"{Letters(column)} «{Header(column)}»";

    private static List<SourceRow> ReadSheet(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("в книге нет листов");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("в книге нет листов");
        var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];

        var rows = new List<SourceRow>();
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Text(cell, shared));
                next = column + 1;
            }

            rows.Add(new SourceRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
        }

        return rows;
    }

    private static string Text(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        // Numbers are stored invariantly; whole numbers may come as "12" or "12.0".
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : value;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static string Letters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
