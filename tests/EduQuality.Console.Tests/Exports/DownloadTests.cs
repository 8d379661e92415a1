using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Exports;

[Collection(ConsoleCollection.Name)]
public sealed class DownloadTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task The_summary_table_downloads_as_xlsx_with_numbers_as_numbers()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(The_summary_table_downloads_as_xlsx_with_numbers_as_numbers));
        await site.IngestVprAsync();
        var page = await site.OpenAsync("analyst.m1", "/org/M1?year=2025");

        var bytes = await DownloadAsync(page, "#table-summaries ~ .exports a:has-text('XLSX')");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToDictionary(r => r.RowIndex!.Value, Cells);

        Assert.Equal("Результаты по процедурам: Первый городской округ, 2024/25 уч. г.", rows[1][0]);
        Assert.Equal(["Процедура", "Предмет", "Класс", "Участники", "Средний балл", "Средняя отметка", "Доля «2»"], rows[3].Take(7));
        Assert.Equal(["ВПР", "Математика", "5", "6"], rows[4].Take(4));
        Assert.Equal(68.0 / 6, double.Parse(rows[4][4], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(2.0 / 6, double.Parse(rows[4][6], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(["2", "1", "2", "1"], rows[4].Skip(9).Take(4));
    }

    [Fact]
    public async Task The_comparison_list_downloads_as_csv_within_the_users_subtree()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(The_comparison_list_downloads_as_csv_within_the_users_subtree));
        await site.IngestVprAsync();
        var page = await site.OpenAsync("analyst.m1", "/org/M1?year=2025");

        var bytes = await DownloadAsync(page, "#table-comparison ~ .exports a:has-text('CSV')");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // The municipality analyst does not see the region: no parent row; then the schools with data. For ВПР the
        // minimum is the mark «3» (below it: the «2»s) and the high scorers are the «5»s.
        Assert.Equal("Организация;Код;Участники;Средний балл;Средняя отметка;Доля «2»;Ниже минимума;Высокобалльники;«2»;«3»;«4»;«5»", lines[0]);
        Assert.Equal("Первый городской округ;M1;6;11,333333;3,333333;0,333333;2;1;2;1;2;1", lines[1]);
        Assert.Equal("МАОУ СОШ № 11;S11;4;11,5;3,5;0,25;1;1;1;1;1;1", lines[2]);
        Assert.Equal("МБОУ СОШ № 12;S12;2;11;3;0,5;1;0;1;0;1;0", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task The_analytical_report_downloads_as_a_pdf_with_cyrillic_text()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(The_analytical_report_downloads_as_a_pdf_with_cyrillic_text));
        await site.IngestVprAsync();
        var page = await site.OpenAsync("region.analyst", "/org/R1?year=2025");

        var bytes = await DownloadAsync(page, "a:has-text('Аналитическая справка (PDF)')");
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var (pages, text) = PdfText.Read(bytes);

        Assert.True(pages >= 1);
        Assert.Equal("", PdfText.Invisible(bytes));
        Assert.Contains("Аналитическая справка", text, StringComparison.Ordinal);
        Assert.Contains("Тестовая область (R1)", text, StringComparison.Ordinal);
        Assert.Contains("Оценка качества подготовки обучающихся (R1)", text, StringComparison.Ordinal);
        Assert.Contains("Сравнение: ВПР · Математика · 5 класс, 2024/25 уч. г.", text, StringComparison.Ordinal);
        // The region's row of the comparison: 8 participants, mean 11,0, mean mark (2·2 + 3·3 + 4·2 + 5) / 8 = 3,25, «2» 25 %.
        Assert.Contains("Тестовая область R1 8 11,0 3,25 25,0 %", RussianText.Plain(text).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    private static List<string> Cells(Row row) =>
        row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList();
}
