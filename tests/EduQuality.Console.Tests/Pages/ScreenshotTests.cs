using EduQuality.Api.V1;
using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Demo;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

/// <summary>
/// Screenshots of the main pages at 1366×768 over the scaled-down demo region, saved to TestResults/screenshots, or to
/// docs/screenshots/ (linked
/// from the README) with scripts/screenshots.sh; each page is checked to show its data before it is taken.
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

        var page = await site.SignedInAsync("demo.analyst");
        await page.GotoAsync($"/org/{DemoRegion.RegionCode}?year={year}");
        await ConsoleSite.InteractiveAsync(page);
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
    }
}
