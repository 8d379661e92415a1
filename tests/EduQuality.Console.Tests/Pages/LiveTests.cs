using EduQuality.Api.V1;
using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class LiveTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task Numbers_and_charts_change_on_an_open_page_when_results_are_ingested()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Numbers_and_charts_change_on_an_open_page_when_results_are_ingested));
        await site.IngestVprAsync();
        var page = await site.OpenAsync("analyst.m1", "/org/M1?year=2025");
        var participants = page.Locator("table[data-table=summaries] tbody tr td:nth-child(4)");
        Assert.Equal("6", await participants.InnerTextAsync());
        var schoolBar = page.Locator("svg.bar-chart rect.bar[data-category='МБОУ СОШ № 12']");
        Assert.Equal("11", await schoolBar.GetAttributeAsync("data-value"));

        // S12 gets a 20: M1 has 7 participants, S12's mean becomes (16 + 6 + 20) / 3 = 14; no reload, no barrier.
        await site.Server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-2025-late", Procedure.Vpr, 2025, SmallRegion.Vpr("P9", "S12", "5Б", 20, 5, 5)));

        await Assertions.Expect(participants).ToHaveTextAsync("7", new() { Timeout = 15_000 });
        await Assertions.Expect(schoolBar).ToHaveAttributeAsync("data-value", "14");
        Assert.Contains("обновлено", await page.InnerTextAsync(".live"), StringComparison.Ordinal);
    }
}
