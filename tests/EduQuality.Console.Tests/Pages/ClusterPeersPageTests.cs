using EduQuality.Api.V1;
using EduQuality.Server.Tests.Analysis;
using EduQuality.Server.Tests.Infrastructure;
using EduQuality.WebConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

/// <summary>
/// A school's dashboard compares it with the schools of its cluster. The data of ClusterPeersData: ЕГЭ scores S11 50,
/// S12 60, S21 70; the integrals are −√1,5 = −1,225, 0 and +1,225; one cluster of three schools («все школы региона»),
/// median 0, cut −2 × 1,4826 × 1,225 = −3,632. The municipality analyst of M1 sees S21 (M2) only as a value.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ClusterPeersPageTests(PostgresFixture postgres, BrowserFixture browser)
{
    [Fact]
    public async Task A_school_is_shown_among_its_cluster_highlighted_with_the_peers_outside_access_unnamed()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(A_school_is_shown_among_its_cluster_highlighted_with_the_peers_outside_access_unnamed));
        await ClusterPeersData.IngestAsync(site.Server);
        await Eventually.MatchAsync(
            () => new AnalysisService.AnalysisServiceClient(site.Server.Channel)
                .GetClusterPeersAsync(new AnalysisRequest { OrganizationCode = "S11", Year = 2025 }).ResponseAsync,
            r => r.Clustered, TimeSpan.FromSeconds(60));

        var page = await site.OpenAsync("analyst.m1", "/org/S11?year=2025");

        var section = page.Locator("section.cluster-peers");
        await Assertions.Expect(section.Locator("h2")).ToHaveTextAsync("Сравнение со школами кластера");
        await Assertions.Expect(section.Locator(".cluster-name")).ToHaveTextAsync("все школы региона");
        await Assertions.Expect(section.Locator("p").First).ToContainTextAsync("место школы: 1 из 3");
        await Assertions.Expect(section.Locator("p").First).ToContainTextAsync("медиана интегрального показателя: 0,000");
        await Assertions.Expect(section.Locator("p").First).ToContainTextAsync("3,632.");
        var rows = section.Locator("table[data-table=cluster-peers] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("S11");
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(2)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[-−]1,225$"));
        await Assertions.Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync(["2", "S12", "0,000", "нет"]);
        await Assertions.Expect(rows.Nth(2).Locator("td")).ToHaveTextAsync(["3", "школа вне области доступа", "1,225", "нет"]);
        var highlighted = section.Locator("svg rect.bar.highlighted");
        await Assertions.Expect(highlighted).ToHaveCountAsync(1);
        await Assertions.Expect(highlighted).ToHaveAttributeAsync("data-category", "S11");
        await Assertions.Expect(section.Locator("svg rect.bar")).ToHaveCountAsync(3);
        await Assertions.Expect(section.Locator("svg line.reference-line")).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#table-cluster-peers ~ .exports a:has-text('CSV')"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Место в кластере;Школа;Интегральный показатель;Ниже отсечения", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("2;S12;", lines[2], StringComparison.Ordinal);
    }
}
