using EduQuality.Api.V1;
using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Demo;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

/// <summary>
/// Screenshots of the main pages at 1366×768 over the scaled-down demo region, saved to TestResults/screenshots, or to
/// docs/screenshots/ (linked from the README) with scripts/screenshots.sh; each page is checked to show its data
/// before it is taken.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ScreenshotTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task Main_pages_render_the_demo_region_and_are_saved_as_screenshots()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Main_pages_render_the_demo_region_and_are_saved_as_screenshots));
        var demo = DemoData.Small();
        await DemoData.LoadAsync(site.Server, demo);
        await DemoData.SettleAsync(site.Server, demo);
        await new AdminService.AdminServiceClient(site.Server.Channel).CreateUserAsync(new CreateUserRequest
        {
            Login = "demo.analyst", Password = ConsoleSite.Password, Role = Role.RegionAnalyst, Scope = DemoRegion.RegionCode,
        });
        var folder = RepositoryFolders.Screenshots();
        var year = demo.Options.Years[^1];

        var login = await site.NewPageAsync();
        await login.GotoAsync("/login");
        await login.ScreenshotAsync(new() { Path = Path.Combine(folder, "login.png") });

        var page = await site.OpenAsync("demo.analyst", $"/org/{DemoRegion.RegionCode}?year={year}");
        Assert.True(await page.Locator("table[data-table=summaries] tbody tr").CountAsync() > 5);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "region.png") });
        await page.Locator("#slice-heading").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "region-comparison.png") });

        await page.ClickAsync("ul.children a >> nth=0");
        await page.WaitForURLAsync(url => url.Contains("/org/M", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".breadcrumbs li")).ToHaveCountAsync(2);
        await ConsoleSite.InteractiveAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "municipality.png") });

        await page.ClickAsync("table[data-table=summaries] a:has-text('Результаты') >> nth=0");
        await page.WaitForURLAsync(url => url.Contains("/results?", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Результаты: ");
        await ConsoleSite.InteractiveAsync(page);
        Assert.True(await page.Locator("svg.histogram rect.bar").CountAsync() > 3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "results.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "results-full.png"), FullPage = true });

        var analysis = new AnalysisService.AnalysisServiceClient(site.Server.Channel);
        await Eventually.MatchAsync(
            () => analysis.GetObjectivityAsync(new AnalysisRequest { OrganizationCode = DemoRegion.RegionCode, Year = year }).ResponseAsync,
            r => r.Risks.Count > 0, TimeSpan.FromSeconds(60));
        await page.GotoAsync($"/org/{DemoRegion.RegionCode}/analysis?year={year}");
        await ConsoleSite.InteractiveAsync(page);
        Assert.True(await page.Locator("table[data-table=objectivity] tbody tr").CountAsync() > 5);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "analysis.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "analysis-full.png"), FullPage = true });

        await StartCycleAsync(site, new CycleRef { OrganizationCode = Municipality, Direction = "R1", Period = year });
        await page.GotoAsync($"/org/{Municipality}/cycle?year={year}");
        await ConsoleSite.InteractiveAsync(page);
        await Assertions.Expect(page.Locator("table[data-table=cycle-evidence] tbody tr")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "cycle.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "cycle-full.png"), FullPage = true });
    }

    private const string Municipality = "M01";

    /// <summary>The municipality's cycle through «определение целей» into «определение показателей» with their documents.</summary>
    private static async Task StartCycleAsync(ConsoleSite site, CycleRef cycle)
    {
        var service = new CycleService.CycleServiceClient(site.Server.Channel);
        await service.TransitionAsync(new TransitionRequest { Cycle = cycle, To = CycleStage.Goals });
        await AddAsync(CycleStage.Goals, EvidenceType.ConceptDocument, "Положение о муниципальной системе оценки качества образования", "polozhenie");
        await service.TransitionAsync(new TransitionRequest { Cycle = cycle, To = CycleStage.Indicators });
        await AddAsync(CycleStage.Indicators, EvidenceType.IndicatorList, "Перечень показателей мониторинга качества подготовки", "pokazateli");
        await AddAsync(CycleStage.Indicators, EvidenceType.ProcedureSchedule, "План-график оценочных процедур", "grafik");

        async Task AddAsync(CycleStage stage, EvidenceType type, string title, string file) =>
            await service.AddEvidenceAsync(new AddEvidenceRequest
            {
                Cycle = cycle,
                Evidence = new Evidence
                {
                    Stage = stage, Type = type, Title = title, Number = $"01-05/{(int)type}", Date = $"{cycle.Period - 1}-09-{10 + (int)type}",
                    Url = $"https://m01.edu.example.ru/docs/{cycle.Period}/{file}.pdf",
                },
            });
    }
}
