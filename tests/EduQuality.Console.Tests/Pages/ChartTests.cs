using System.Globalization;
using EduQuality.WebConsole.Tests.Infrastructure;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

/// <summary>Charts drawn with the numbers of ConsoleSite.IngestVprAsync, worked out by hand in each test.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ChartTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task Dashboard_compares_the_parent_the_municipality_and_its_schools_and_shows_three_years()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Dashboard_compares_the_parent_the_municipality_and_its_schools_and_shows_three_years));
        await site.IngestVprAsync();
        var page = await site.OpenAsync("region.analyst", "/org/M1?year=2025");

        // M1 = S11 (18, 14, 10, 4) + S12 (16, 6): 6 participants, mean 68 / 6.
        var summary = page.Locator("table[data-table=summaries] tbody tr");
        Assert.Equal(["ВПР", "Математика", "5", "6", "11,3", "3,33", "33,3 %"], (await summary.Locator("td").AllInnerTextsAsync()).Take(7).Select(RussianText.Plain));

        // Mean primary score: R1 88 / 8 = 11, M1 11.33, S11 46 / 4 = 11.5, S12 22 / 2 = 11.
        var bars = page.Locator("svg.bar-chart").First.Locator("rect.bar");
        Assert.Equal(["Тестовая область", "Первый городской округ", "МАОУ СОШ № 11", "МБОУ СОШ № 12"], await Attributes(bars, "data-category"));
        Assert.Equal([11, 11.33, 11.5, 11], (await Attributes(bars, "data-value")).Select(Number));
        // Taller bar, larger value: the 11.5 bar is the tallest.
        var heights = (await Attributes(bars, "height")).Select(Number).ToList();
        Assert.Equal(heights.Max(), heights[2]);

        // Three academic years: nothing in 2022/23, S11's 8 and 10 in 2023/24 (mean 9), 11.33 in 2024/25.
        var points = page.Locator("svg.line-chart circle.point");
        Assert.Equal(["2023/24", "2024/25"], await Attributes(points, "data-category"));
        Assert.Equal([9, 11.33], (await Attributes(points, "data-value")).Select(Number));
        Assert.Equal(["2022/23", "2023/24", "2024/25"], await page.Locator("svg.line-chart text.category").AllTextContentsAsync());
        Assert.Contains("Средний балл", await page.Locator("svg.line-chart .axis-title").AllTextContentsAsync());
    }

    [Fact]
    public async Task Results_page_draws_the_mark_distribution_the_score_histogram_and_task_success()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(Results_page_draws_the_mark_distribution_the_score_histogram_and_task_success));
        await site.IngestVprAsync();
        var page = await site.SignedInAsync("region.analyst");
        await page.ClickAsync("table[data-table=summaries] a:has-text('Результаты')");
        await page.WaitForURLAsync(url => url.Contains("/org/R1/results?year=2025&procedure=1&subject=MA&grade=5", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Результаты: ВПР · Математика · 5 класс");
        await ConsoleSite.InteractiveAsync(page);
        Assert.Equal("8", await page.InnerTextAsync(".participants"));

        // Marks of the region's 8: «2» ×2, «3» ×3, «4» ×2, «5» ×1.
        var marks = page.Locator("svg.bar-chart").Nth(0).Locator("rect.bar");
        Assert.Equal(["«2»", "«3»", "«4»", "«5»"], await Attributes(marks, "data-category"));
        Assert.Equal([0.25, 0.375, 0.25, 0.125], (await Attributes(marks, "data-value")).Select(Number), (a, b) => Math.Abs(a - b) < 0.006);
        Assert.Equal(["0 %", "10 %", "20 %", "30 %", "40 %"], (await page.Locator("svg.bar-chart").Nth(0).Locator("text.tick").AllTextContentsAsync()).Select(RussianText.Plain));

        // One participant at each of the scores 4, 6, 8, 10, 12, 14, 16, 18.
        var histogram = page.Locator("svg.histogram rect.bar");
        Assert.Equal(["4", "6", "8", "10", "12", "14", "16", "18"], await Attributes(histogram, "data-category"));
        Assert.All(await Attributes(histogram, "data-value"), v => Assert.Equal("1", v));

        // Task 1 holds half of each primary score rounded down: 9+7+5+2+8+3+6+4 = 44 of 8 × 10; task 2 the other 44.
        var tasks = page.Locator("svg.bar-chart").Nth(1).Locator("rect.bar");
        Assert.Equal(["1", "2"], await Attributes(tasks, "data-category"));
        Assert.Equal([0.55, 0.55], (await Attributes(tasks, "data-value")).Select(Number));
        Assert.Equal(["«2»", "2", "25,0 %"], (await page.Locator("table[data-table=marks] tbody tr").First.Locator("td").AllInnerTextsAsync()).Take(3).Select(RussianText.Plain));
    }

    private static async Task<IReadOnlyList<string>> Attributes(ILocator elements, string name)
    {
        var values = new List<string>();
        foreach (var element in await elements.AllAsync())
        {
            values.Add(await element.GetAttributeAsync(name) ?? "");
        }

        return values;
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
