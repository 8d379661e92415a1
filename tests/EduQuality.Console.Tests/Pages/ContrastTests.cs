using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class ContrastTests(PostgresFixture postgres, BrowserFixture browser)
{
    /// <summary>
    /// WCAG 2.1 contrast of every visible text element against the first opaque background behind it, as the browser
    /// computed the styles: at least 4.5:1 (3:1 for large text, 24 px or 18.7 px bold).
    /// </summary>
    private const string Check = """
        () => {
          const luminance = rgb => {
            const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const parse = color => color.match(/[\d.]+/g).map(Number);
          const background = el => {
            for (; el; el = el.parentElement) {
              const c = parse(getComputedStyle(el).backgroundColor);
              if (c.length < 4 || c[3] === 1) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const failures = [];
          for (const el of document.querySelectorAll('body *')) {
            const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
            const box = el.getBoundingClientRect();
            if (!own || box.width === 0 || box.height === 0 || el.closest('.visually-hidden')) continue;
            const style = getComputedStyle(el);
            const fill = el instanceof SVGElement ? style.fill : style.color;
            const [a, b] = [luminance(parse(fill).slice(0, 3)), luminance(background(el))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
            const large = size >= 24 || (bold && size >= 18.66);
            if (ratio < (large ? 3 : 4.5)) failures.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
          }
          return failures;
        }
        """;

    [Fact]
    public async Task Every_text_on_the_dashboard_and_the_results_page_meets_WCAG_AA_contrast()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Every_text_on_the_dashboard_and_the_results_page_meets_WCAG_AA_contrast));
        await site.IngestVprAsync();
        var page = await site.OpenAsync("region.analyst", "/org/M1?year=2025");
        Assert.Empty(await page.EvaluateAsync<string[]>(Check));

        await page.GotoAsync("/org/M1/results?year=2025&procedure=1&subject=MA&grade=5");
        await ConsoleSite.InteractiveAsync(page);
        Assert.True(await page.Locator("svg text").CountAsync() > 10);
        Assert.Empty(await page.EvaluateAsync<string[]>(Check));
    }
}
