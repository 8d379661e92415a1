using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class NavigationTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task Region_to_municipality_to_school_with_breadcrumbs_and_search_by_name_or_code()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Region_to_municipality_to_school_with_breadcrumbs_and_search_by_name_or_code));
        var page = await site.SignedInAsync("region.analyst");
        Assert.Equal("Тестовая область", await page.InnerTextAsync("h1"));
        Assert.Equal(["Первый городской округ", "Второй муниципальный район"], await page.Locator("ul.children a").AllInnerTextsAsync());

        await page.ClickAsync("ul.children a:has-text('Первый городской округ')");
        await page.WaitForURLAsync(url => url.Contains("/org/M1", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Первый городской округ");
        await ConsoleSite.InteractiveAsync(page);
        Assert.Equal(["Тестовая область", "Первый городской округ"], await page.Locator(".breadcrumbs li").AllInnerTextsAsync());

        await page.ClickAsync("ul.children a:has-text('МБОУ СОШ № 12')");
        await page.WaitForURLAsync(url => url.Contains("/org/S12", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".breadcrumbs li")).ToHaveTextAsync(["Тестовая область", "Первый городской округ", "МБОУ СОШ № 12"]);
        await ConsoleSite.InteractiveAsync(page);

        await page.ClickAsync(".breadcrumbs a:has-text('Тестовая область')");
        await page.WaitForURLAsync(url => url.EndsWith("/org/R1", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Тестовая область");
        await ConsoleSite.InteractiveAsync(page);

        await page.FillAsync("#search-text", "ивановская");
        await page.PressAsync("#search-text", "Enter");
        Assert.Equal(["МКОУ Ивановская СОШ"], await Found(page));

        await page.FillAsync("#search-text", "S12");
        await page.PressAsync("#search-text", "Enter");
        await Assertions.Expect(page.Locator("ul.found a")).ToHaveTextAsync(["МБОУ СОШ № 12"]);
        await page.ClickAsync("ul.found a");
        await page.WaitForURLAsync(url => url.Contains("/org/S12", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("МБОУ СОШ № 12");
    }

    [Fact]
    public async Task Search_finds_only_what_the_user_may_see()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Search_finds_only_what_the_user_may_see));
        var page = await site.SignedInAsync("analyst.m1");

        await page.FillAsync("#search-text", "СОШ");
        await page.PressAsync("#search-text", "Enter");
        Assert.Equal(["МАОУ СОШ № 11", "МБОУ СОШ № 12"], (await Found(page)).Order().ToList());
    }

    private static async Task<IReadOnlyList<string>> Found(IPage page)
    {
        await page.WaitForSelectorAsync("ul.found a");
        return await page.Locator("ul.found a").AllInnerTextsAsync();
    }
}
