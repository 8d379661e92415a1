using System.Net.Http.Json;
using System.Text.Json;
using EduQuality.Api.V1;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Context;
using EduQuality.Server.Tests.Infrastructure;
using EduQuality.Storage.Context;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EduQuality.Server.Tests.Analysis;

/// <summary>
/// The analysis follows new results and contexts on its own: no batch run, only the region's debounce (200 ms here), and
/// heals a lost change signal by its periodic check of the stored data (every second here).
/// SmallRegion with twelve ЕГЭ results per school; the ШНСУ list is the bottom quarter of the social-wellbeing index, so
/// with three schools it holds the one with the worst context.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveAnalysisTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly AnalysisRequest Region2025 = new() { OrganizationCode = "R1", Year = 2025 };
    private RunningServer _server = null!;
    private AnalysisService.AnalysisServiceClient _analysis = null!;
    private ContextService.ContextServiceClient _context = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(
            await postgres.CreateDatabaseAsync("live-analysis"),
            extraSettings: new Dictionary<string, string?>
            {
                ["EduQuality:AnalysisDebounceMilliseconds"] = "200",
                ["EduQuality:AnalysisHealMilliseconds"] = "1000",
            });
        _analysis = new AnalysisService.AnalysisServiceClient(_server.Channel);
        _context = new ContextService.ContextServiceClient(_server.Channel);
        await SmallRegion.RegisterAsync(_server);
        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2025", Procedure.Ege, 2025, [.. EgeRows("a", 0)]));
        await SmallRegion.SettleAsync(_server, "R1", 2025);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Lists_follow_new_contexts_and_corrections_without_a_manual_step()
    {
        var before = await _analysis.GetLowResultsAsync(Region2025);
        Assert.Empty(before.Shnsu);

        await _context.SubmitSchoolContextAsync(new SchoolContextBatch
        {
            BatchId = "ctx-1",
            Rows = { SchoolContextIngestTests.Row("S11", 2025, 0.05), SchoolContextIngestTests.Row("S12", 2025, 0.05), SchoolContextIngestTests.Row("S21", 2025, 0.4, flags: true) },
        });
        var listed = await Eventually.MatchAsync(() => _analysis.GetLowResultsAsync(Region2025).ResponseAsync, r => r.Shnsu.Count > 0, Wait);

        Assert.True(listed.Stamp.Revision > before.Stamp.Revision);
        var school = Assert.Single(listed.Shnsu);
        Assert.Equal(("S21", "M2"), (school.SchoolCode, school.MunicipalityCode));
        Assert.Equal("ISBSH", Assert.Single(school.Reasons).Method);
        Assert.Contains("ИСБШ", school.Reasons[0].TextRu, StringComparison.Ordinal);

        await _context.SubmitSchoolContextAsync(new SchoolContextBatch
        {
            BatchId = "ctx-2",
            Rows = { SchoolContextIngestTests.Row("S11", 2025, 0.5, flags: true), SchoolContextIngestTests.Row("S21", 2025, 0.05) },
        });
        var corrected = await Eventually.MatchAsync(
            () => _analysis.GetLowResultsAsync(Region2025).ResponseAsync, r => r.Shnsu.Any(s => s.SchoolCode == "S11"), Wait);

        Assert.Equal(["S11"], corrected.Shnsu.Select(s => s.SchoolCode));
        var inM2 = await _analysis.GetLowResultsAsync(new AnalysisRequest { OrganizationCode = "M2", Year = 2025 });
        Assert.Empty(inM2.Shnsu);
    }

    [Fact]
    public async Task New_results_are_analysed_without_a_manual_step()
    {
        var before = await _analysis.GetObjectivityAsync(Region2025);
        Assert.Equal(SmallRegion.Schools, before.Risks.Select(r => r.SchoolCode));

        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2025-more", Procedure.Ege, 2025, [.. EgeRows("b", 0)]));
        var after = await Eventually.MatchAsync(
            () => _analysis.GetObjectivityAsync(Region2025).ResponseAsync, r => r.Stamp.Revision > before.Stamp.Revision, Wait);

        Assert.True(after.Stamp.Revision > before.Stamp.Revision, "The analysis was not recomputed after new results.");
        Assert.Equal("R1", after.Stamp.RegionCode);
    }

    [Fact]
    public async Task A_change_whose_signal_was_lost_is_analysed_by_the_periodic_check()
    {
        var before = await _analysis.GetLowResultsAsync(Region2025);
        Assert.Empty(before.Shnsu);

        // Stored without the ingestor, as if the process died between storing and signalling: nobody tells the analysis.
        await _server.Services.GetRequiredService<SchoolContextStore>().UpsertAsync(
            [Context("S11", 0.05, false), Context("S12", 0.05, false), Context("S21", 0.4, true)], "lost-signal", CancellationToken.None);
        var healed = await Eventually.MatchAsync(() => _analysis.GetLowResultsAsync(Region2025).ResponseAsync, r => r.Shnsu.Count > 0, Wait);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var later = await _analysis.GetLowResultsAsync(Region2025);

        Assert.Equal(["S21"], healed.Shnsu.Select(s => s.SchoolCode));
        Assert.True(healed.Stamp.Revision > before.Stamp.Revision);
        // Three more checks found the data unchanged: no recomputation.
        Assert.Equal(healed.Stamp.Revision, later.Stamp.Revision);
    }

    [Fact]
    public async Task Findings_are_served_as_json_over_http_get()
    {
        await _context.SubmitSchoolContextAsync(new SchoolContextBatch
        {
            BatchId = "ctx-json",
            Rows = { SchoolContextIngestTests.Row("S11", 2025, 0.5, flags: true), SchoolContextIngestTests.Row("S12", 2025, 0.05), SchoolContextIngestTests.Row("S21", 2025, 0.05) },
        });
        await Eventually.MatchAsync(() => _analysis.GetLowResultsAsync(Region2025).ResponseAsync, r => r.Shnsu.Count > 0, Wait);
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };
        http.DefaultRequestHeaders.Add("x-api-key", RunningServer.AdministratorKey);

        var json = await http.GetFromJsonAsync<JsonElement>("/v1/analysis/M1/low-results?year=2025");

        Assert.Equal("S11", json.GetProperty("shnsu")[0].GetProperty("schoolCode").GetString());
        Assert.Equal("R1", json.GetProperty("stamp").GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task Programme_indicators_are_kept_for_regions_and_municipalities_not_schools()
    {
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            _analysis.GetProgrammeIndicatorsAsync(new AnalysisRequest { OrganizationCode = "S11", Year = 2025 }).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
    }

    private static SchoolContextEntry Context(string school, double share, bool flags) =>
        new(school, 2025, new SchoolContextFactors(share, share, share, share, share, flags, flags, flags, flags), new StudentCounts(0, null, null, null, null, null, null));

    /// <summary>Twelve ЕГЭ Russian results per school, test scores 40..62 (+ shift).</summary>
    private static IEnumerable<ResultRow> EgeRows(string prefix, int shift) =>
        SmallRegion.Schools.SelectMany(school => Enumerable.Range(0, 12).Select(i => SmallRegion.Ege($"{prefix}{school}-{i}", school, 40 + (2 * i) + shift)));
}
