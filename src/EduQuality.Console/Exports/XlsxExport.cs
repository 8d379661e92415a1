using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EduQuality.WebConsole.Data;

namespace EduQuality.WebConsole.Exports;

/// <summary>
/// Writes a table to an XLSX workbook: the title in A1, headers in row 3, then the rows with numbers as numbers
/// (shares as fractions 0..1), so a spreadsheet can compute with them.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Row of the column headers; data starts on the next row.</summary>
    public const int HeaderRow = 3;

    public static byte[] Write(ReportTable table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, [table.Title]));
            data.Append(Row(HeaderRow, table.Columns.Select(c => (object)c.Header).ToList()));
            var index = HeaderRow;
            foreach (var row in table.Rows)
            {
                data.Append(Row(++index, row));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table) }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(int number, IReadOnlyList<object> values)
    {
        var row = new Row { RowIndex = (uint)number };
        for (var column = 0; column < values.Count; column++)
        {
            row.Append(Cell($"{ColumnName(column)}{number}", values[column]));
        }

        return row;
    }

    private static Cell Cell(string reference, object value) => value switch
    {
        long number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue((double)number) },
        double number when double.IsFinite(number) => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
        double => new Cell { CellReference = reference },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? "")) },
    };

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name.</summary>
    private static string SheetName(ReportTable table) => table.Name.Length > 31 ? table.Name[..31] : table.Name;
}
