using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Access;

[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task Every_page_requires_sign_in_and_a_wrong_password_is_refused()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Every_page_requires_sign_in_and_a_wrong_password_is_refused));
        var page = await site.NewPageAsync();

        await page.GotoAsync("/org/R1");
        Assert.Contains("/login?ReturnUrl=%2Forg%2FR1", page.Url, StringComparison.Ordinal);
        var export = await page.APIRequest.GetAsync("/console/export/summaries.xlsx?org=R1&year=2025", new() { MaxRedirects = 0 });
        Assert.Equal(302, export.Status);

        await page.FillAsync("#login", "analyst.m1");
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Неверный логин или пароль.", await page.InnerTextAsync("[role=alert]"));

        await page.FillAsync("#login", "analyst.m1");
        await page.FillAsync("#password", ConsoleSite.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/org/R1", StringComparison.Ordinal));
        Assert.Equal("Эта организация вне вашей зоны доступа.", await page.InnerTextAsync("[role=alert]"));
    }

    [Fact]
    public async Task A_municipality_analyst_lands_on_the_municipality_and_sees_only_its_subtree()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(A_municipality_analyst_lands_on_the_municipality_and_sees_only_its_subtree));
        var page = await site.SignedInAsync("analyst.m1");

        Assert.EndsWith("/org/M1", page.Url, StringComparison.Ordinal);
        Assert.Equal("Первый городской округ", await page.InnerTextAsync("h1"));
        Assert.Equal(["МАОУ СОШ № 11", "МБОУ СОШ № 12"], await page.Locator("ul.children a").AllInnerTextsAsync());
        // The path starts at the user's scope: the region above is not shown.
        Assert.Equal(["Первый городской округ"], await page.Locator(".breadcrumbs li").AllInnerTextsAsync());
        Assert.Contains("analyst.m1, аналитик муниципалитета", await page.InnerTextAsync("header"), StringComparison.Ordinal);

        await page.GotoAsync("/org/S21");
        Assert.Equal("Эта организация вне вашей зоны доступа.", await page.InnerTextAsync("[role=alert]"));
        var foreign = await page.APIRequest.GetAsync("/console/export/summaries.csv?org=M2&year=2025");
        Assert.Equal(403, foreign.Status);

        await page.ClickAsync("header button:has-text('Выйти')");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/org/M1");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }
}
