using EduQuality.Console.Tests.Infrastructure;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.Console.Tests.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class KeyboardTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task Sign_in_and_navigation_work_from_the_keyboard_with_a_skip_link_and_visible_focus()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Sign_in_and_navigation_work_from_the_keyboard_with_a_skip_link_and_visible_focus));
        var page = await site.NewPageAsync();
        await page.GotoAsync("/login");

        // Focus order: the skip link first (shown when focused, with a 3 px outline), the home link, then the form.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Перейти к содержимому", await Focused(page, "el => el.textContent.trim()"));
        Assert.True(await Focused(page, "el => el.getBoundingClientRect().top") is >= 0);
        Assert.Equal("solid 3px", await Focused(page, "el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("A", await Focused(page, "el => el.tagName"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("login", await Focused(page, "el => el.id"));
        await page.Keyboard.TypeAsync("region.analyst");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await Focused(page, "el => el.id"));
        await page.Keyboard.TypeAsync(ConsoleSite.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/org/R1", StringComparison.Ordinal));
        await ConsoleSite.InteractiveAsync(page);

        // The skip link moves focus past the header into the content.
        await page.Keyboard.PressAsync("Shift+Tab");
        await TabUntilAsync(page, "Перейти к содержимому");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("content", await Focused(page, "el => el.id"));

        // Tab reaches a child organisation's link; Enter follows it.
        await TabUntilAsync(page, "Второй муниципальный район");
        Assert.Equal("solid", await Focused(page, "el => getComputedStyle(el).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/org/M2", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Второй муниципальный район");
    }

    private static async Task TabUntilAsync(IPage page, string text)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await Focused(page, "el => el.textContent.trim()") is string focused && focused == text)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached «{text}».");
    }

    private static async Task<object?> Focused(IPage page, string expression) =>
        await page.EvaluateAsync<object?>($"() => ({expression})(document.activeElement)");
}
