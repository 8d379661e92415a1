using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class KeyboardTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task Sign_in_and_navigation_work_from_the_keyboard_with_a_skip_link_and_visible_focus()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Sign_in_and_navigation_work_from_the_keyboard_with_a_skip_link_and_visible_focus));
        var page = await site.NewPageAsync();
        await page.GotoAsync("/login");

        // Focus starts on the page's heading (and moves there after every navigation); the form follows it.
        await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("login", await Focused(page, "el => el.id"));
        await page.Keyboard.TypeAsync("region.analyst");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await Focused(page, "el => el.id"));
        await page.Keyboard.TypeAsync(ConsoleSite.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/org/R1", StringComparison.Ordinal));
        await ConsoleSite.InteractiveAsync(page);

        // Backwards from the heading: the home link, then the skip link, shown when focused, with a 3 px outline.
        await TabUntilAsync(page, "Перейти к содержимому", "Shift+Tab");
        Assert.Equal(true, await Focused(page, "el => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().left >= 0"));
        Assert.Equal("solid 3px", await Focused(page, "el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("content", await Focused(page, "el => el.id"));

        // Tab reaches a child organisation's link; Enter follows it.
        await TabUntilAsync(page, "Второй муниципальный район");
        Assert.Equal("solid", await Focused(page, "el => getComputedStyle(el).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/org/M2", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Второй муниципальный район");
    }

    private static async Task TabUntilAsync(IPage page, string text, string key = "Tab")
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await Focused(page, "el => el.textContent.trim()") is string focused && focused == text)
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"Tab never reached «{text}».");
    }

    private static async Task<object?> Focused(IPage page, string expression) =>
        await page.EvaluateAsync<object?>($"() => ({expression})(document.activeElement)");
}
