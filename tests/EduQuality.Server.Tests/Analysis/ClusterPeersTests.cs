using System.Net.Http.Json;
using System.Text.Json;
using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace EduQuality.Server.Tests.Analysis;

/// <summary>
/// A school compared with the peers of its cluster. SmallRegion, ten ЕГЭ Russian results per school, every result of a
/// school the same: S11 50, S12 60, S21 70. The region's students have mean 60 and (population) SD √(200/3) = 8.165, so
/// the integrals are z = −10/8.165 = −√1.5 = −1.2247, 0 and +1.2247. With three schools the default clustering is one
/// cluster, the whole region («все школы региона»); median 0, MAD 1.2247, cut 0 − 2 × 1.4826 × 1.2247 = −3.6316: no
/// school is flagged.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterPeersTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly double Z = Math.Sqrt(1.5);
    private RunningServer _server = null!;
    private AnalysisService.AnalysisServiceClient _analysis = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(
            await postgres.CreateDatabaseAsync("cluster-peers"),
            extraSettings: new Dictionary<string, string?> { ["EduQuality:AnalysisDebounceMilliseconds"] = "200" });
        _analysis = new AnalysisService.AnalysisServiceClient(_server.Channel);
        await SmallRegion.RegisterAsync(_server);
        await ClusterPeersData.IngestAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_school_is_shown_among_the_schools_of_its_cluster_with_integral_rank_cut_and_median()
    {
        var peers = await Eventually.MatchAsync(
            () => _analysis.GetClusterPeersAsync(new AnalysisRequest { OrganizationCode = "S11", Year = 2025 }).ResponseAsync,
            r => r.Clustered, TimeSpan.FromSeconds(30));

        Assert.Equal(("ALL", "все школы региона", 3), (peers.ClusterKey, peers.ClusterNameRu, peers.Size));
        Assert.Equal(0, peers.Median, 9);
        Assert.Equal(-2 * 1.4826 * Z, peers.Cut, 9);
        Assert.Equal(["S11", "S12", "S21"], peers.Peers.Select(p => p.SchoolCode));
        Assert.Equal(-Z, peers.Peers[0].Integral, 9);
        Assert.Equal(0, peers.Peers[1].Integral, 9);
        Assert.Equal(Z, peers.Peers[2].Integral, 9);
        Assert.Equal([1, 2, 3], peers.Peers.Select(p => p.Rank));
        Assert.DoesNotContain(peers.Peers, p => p.Flagged);
        Assert.Equal(("S11", 1), (peers.School.SchoolCode, peers.School.Rank));
    }

    [Fact]
    public async Task Peers_outside_the_callers_scope_come_without_their_codes_and_others_schools_are_refused()
    {
        using var channel = _server.ChannelWith(await Security.Keys.IssueAsync(_server, Role.MunicipalityAnalyst, "M1"));
        var asM1 = new AnalysisService.AnalysisServiceClient(channel);

        var peers = await Eventually.MatchAsync(
            () => asM1.GetClusterPeersAsync(new AnalysisRequest { OrganizationCode = "S12", Year = 2025 }).ResponseAsync,
            r => r.Clustered, TimeSpan.FromSeconds(30));
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            asM1.GetClusterPeersAsync(new AnalysisRequest { OrganizationCode = "S21", Year = 2025 }).ResponseAsync);

        // S21 (municipality M2) keeps its value and rank but not its code.
        Assert.Equal([("S11", 1), ("S12", 2), ("", 3)], peers.Peers.Select(p => (p.SchoolCode, p.Rank)));
        Assert.Equal(Z, peers.Peers[2].Integral, 9);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Cluster_peers_are_served_as_json_over_http_get()
    {
        await Eventually.MatchAsync(
            () => _analysis.GetClusterPeersAsync(new AnalysisRequest { OrganizationCode = "S21", Year = 2025 }).ResponseAsync,
            r => r.Clustered, TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };
        http.DefaultRequestHeaders.Add("x-api-key", RunningServer.AdministratorKey);

        var json = await http.GetFromJsonAsync<JsonElement>("/v1/analysis/S21/cluster-peers?year=2025");

        Assert.Equal("все школы региона", json.GetProperty("clusterNameRu").GetString());
        Assert.Equal(3, json.GetProperty("school").GetProperty("rank").GetInt32());
        Assert.Equal(3, json.GetProperty("peers").GetArrayLength());
    }
}
