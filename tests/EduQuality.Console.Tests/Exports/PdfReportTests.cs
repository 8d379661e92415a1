using EduQuality.WebConsole.Data;
using EduQuality.WebConsole.Reports;
using EduQuality.WebConsole.Tests.Infrastructure;
using Xunit;

namespace EduQuality.WebConsole.Tests.Exports;

public sealed class PdfReportTests
{
    [Fact]
    public void A_report_with_more_than_255_distinct_characters_writes_and_reads_back_every_one()
    {
        // Latin Extended-A (128), Cyrillic U+0400..U+045F (96) and Greek capitals (24): 248 letters plus the title's,
        // more than one simple TrueType font of PdfPig can hold (255), so the report needs a second copy of the font.
        var letters = Enumerable.Range(0x100, 128).Concat(Enumerable.Range(0x400, 96)).Concat(Enumerable.Range(0x391, 25).Where(c => c != 0x3A2))
            .Select(c => (char)c).ToArray();
        var rows = letters.Chunk(32).Select(chunk => (IReadOnlyList<object>)[new string(chunk)]).ToList();
        var table = new ReportTable("letters", "Буквы", [new TableColumn("Строка")], rows);

        var pdf = AnalyticalReport.Write("Тестовая область (R1)", 2025, [table]);

        var (_, text) = PdfText.Read(pdf);
        Assert.All(rows, row => Assert.Contains((string)row[0], text, StringComparison.Ordinal));
        Assert.Equal("", PdfText.Invisible(pdf));
    }
}
