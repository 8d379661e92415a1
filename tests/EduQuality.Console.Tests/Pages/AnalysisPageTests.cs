using EduQuality.Api.V1;
using EduQuality.Server.Tests.Analysis;
using EduQuality.Server.Tests.Infrastructure;
using EduQuality.WebConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

/// <summary>
/// The analysis page over the small region: twelve ЕГЭ results per school and school contexts in which S21 (M2) has
/// the worst social conditions. The ШНСУ list is the bottom quarter of the social-wellbeing index, so of three schools
/// it holds exactly S21, with the ИСБШ reason; every school has an objectivity risk row.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AnalysisPageTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task Lists_show_the_school_in_adverse_conditions_with_its_reason_and_download_as_csv()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Lists_show_the_school_in_adverse_conditions_with_its_reason_and_download_as_csv));
        await AnalysedAsync(site);
        var page = await site.SignedInAsync("region.analyst");

        await page.GotoAsync("/org/R1?year=2025");
        await ConsoleSite.InteractiveAsync(page);
        await page.ClickAsync("a:has-text('Анализ: списки, показатели, рекомендации')");
        await page.WaitForURLAsync(url => url.Contains("/org/R1/analysis", StringComparison.Ordinal));
        await ConsoleSite.InteractiveAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Анализ: Тестовая область");
        await Assertions.Expect(page.Locator(".shnsu-count")).ToHaveTextAsync("1");
        var shnsu = page.Locator("table[data-table=shnsu] tbody tr");
        await Assertions.Expect(shnsu).ToHaveCountAsync(1);
        await Assertions.Expect(shnsu.Locator("td").Nth(0)).ToHaveTextAsync("S21");
        await Assertions.Expect(shnsu.Locator("td").Nth(1)).ToHaveTextAsync("M2");
        await Assertions.Expect(shnsu.Locator("td").Nth(2)).ToContainTextAsync("ИСБШ");
        var risks = await page.Locator("table[data-table=objectivity] tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(["S11", "S12", "S21"], risks.Order(StringComparer.Ordinal));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#table-shnsu ~ .exports a:has-text('CSV')"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Школа;Муниципалитет;Причины", lines[0]);
        Assert.StartsWith("S21;M2;", lines[1], StringComparison.Ordinal);
        Assert.Contains("ИСБШ", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task A_municipality_analyst_sees_only_the_schools_of_the_municipality()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(A_municipality_analyst_sees_only_the_schools_of_the_municipality));
        await AnalysedAsync(site);
        var page = await site.SignedInAsync("analyst.m1");

        await page.GotoAsync("/org/M1/analysis?year=2025");
        await ConsoleSite.InteractiveAsync(page);

        // S21, the one ШНСУ school, is in M2.
        await Assertions.Expect(page.Locator(".shnsu-count")).ToHaveTextAsync("0");
        var risks = await page.Locator("table[data-table=objectivity] tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(["S11", "S12"], risks.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_league_table_is_shown_only_as_the_flagged_analytical_view()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(The_league_table_is_shown_only_as_the_flagged_analytical_view));
        await site.IngestVprAsync();
        var page = await site.OpenAsync("region.analyst", "/org/R1/analysis?year=2025");
        await Assertions.Expect(page.Locator("table[data-table=ranking]")).ToHaveCountAsync(0);

        await page.ClickAsync(".ranking-slices a:has-text('Математика, 5 класс')");
        await page.WaitForURLAsync(url => url.Contains("grade=5", StringComparison.Ordinal));
        await ConsoleSite.InteractiveAsync(page);

        await Assertions.Expect(page.Locator("h2:has-text('Рейтинг школ — только аналитическое представление')")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".analytical-notice").Nth(1)).ToContainTextAsync("Аналитическое представление, не показатель управления");
        // Mean ВПР marks (IngestVprAsync): S11 (5 + 4 + 3 + 2) / 4 = 3,50; S12 (4 + 2) / 2 = 3,00; S21 (3 + 3) / 2 = 3,00.
        var rows = page.Locator("table[data-table=ranking] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync(["1", "S11", "3,50", "4"]);
        await Assertions.Expect(rows.Nth(1).Locator("td").Nth(2)).ToHaveTextAsync("3,00");
        await Assertions.Expect(rows.Nth(2).Locator("td").Nth(2)).ToHaveTextAsync("3,00");
        await Assertions.Expect(page.Locator("#table-ranking ~ .exports")).ToHaveCountAsync(0);
    }

    /// <summary>Ingests the results and contexts and waits until the analysis has listed S21 (debounce 5 s).</summary>
    private static async Task AnalysedAsync(ConsoleSite site)
    {
        await site.Server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2025", Procedure.Ege, 2025,
            [.. SmallRegion.Schools.SelectMany(school => Enumerable.Range(0, 12).Select(i => SmallRegion.Ege($"{school}-{i}", school, 40 + (2 * i))))]));
        await SmallRegion.SettleAsync(site.Server, "R1", 2025);
        var context = new ContextService.ContextServiceClient(site.Server.Channel);
        await context.SubmitSchoolContextAsync(new SchoolContextBatch
        {
            BatchId = "ctx-1",
            Rows = { SchoolContextIngestTests.Row("S11", 2025, 0.05), SchoolContextIngestTests.Row("S12", 2025, 0.05), SchoolContextIngestTests.Row("S21", 2025, 0.4, flags: true) },
        });
        var analysis = new AnalysisService.AnalysisServiceClient(site.Server.Channel);
        await Eventually.MatchAsync(
            () => analysis.GetLowResultsAsync(new AnalysisRequest { OrganizationCode = "R1", Year = 2025 }).ResponseAsync, r => r.Shnsu.Count > 0, TimeSpan.FromSeconds(60));
    }
}
