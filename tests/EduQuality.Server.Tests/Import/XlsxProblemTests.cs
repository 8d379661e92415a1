using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.Server.Tests.Import;

/// <summary>Problems in a workbook are named by sheet row and column letter.</summary>
[Collection(PostgresCollection.Name)]
public sealed class XlsxProblemTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_bad_cell_in_a_workbook_is_named_by_row_number_and_column_letter()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_xlsx"));
        using var importer = new Importer(server);
        await importer.RunAsync(SampleFiles.Path("organizations-r77.csv"), "organizations-registry");
        Directory.CreateDirectory(importer.JournalFolder);
        var path = Path.Combine(importer.JournalFolder, "oge-broken.xlsx");
        // Row 1 headers; row 2 fine; row 3 empty (skipped); row 4 a mark of 6 in column H.
        Write(path,
            ["Код участника", "Код ОО", "Класс", "Код предмета", "Задания с кратким ответом", "Задания с развёрнутым ответом", "Первичный балл", "Отметка"],
            ["G1", "R77-M01-S001", "9А", "2", "+++", "1(2)", "4", "2"],
            null,
            ["G2", "R77-M01-S001", "9А", "2", "+-+", "2(2)", "4", "6"]);

        var summary = await importer.RunAsync(path, "oge-risgia", 2025);

        Assert.Equal((2, 0), (summary.RowsRead, summary.RowsSent));
        Assert.Equal($"{path}: строка 4, столбец H «Отметка»: значение «6»: отметка должна быть 2, 3, 4 или 5", Assert.Single(summary.Problems).ToString());
    }

    private static void Write(string path, params string[]?[] rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r] is not { } cells)
            {
                continue;
            }

            var row = new Row { RowIndex = (uint)(r + 1) };
            row.Append(cells.Select(text => int.TryParse(text, out var number)
                ? new Cell { CellValue = new CellValue(number), DataType = CellValues.Number }
                : new Cell { InlineString = new InlineString(new Text(text)), DataType = CellValues.InlineString }));
            data.Append(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "ОГЭ" }));
    }
}
