using System.Net;
using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.Server.Tests.Observability;

/// <summary>The Prometheus endpoint and the Orleans dashboard of a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ObservabilityTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Metrics_show_ingested_rows_by_outcome_batch_latency_rollup_lag_orleans_and_postgres()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("metrics"));
        await SmallRegion.RegisterAsync(server);
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-1", Procedure.Ege, 2025,
            SmallRegion.Ege("P0001", "S11", 70), SmallRegion.Ege("P0002", "S11", 20), SmallRegion.Ege("P0003", "S12", 90), SmallRegion.Ege("P0004", "S21", 60)));
        // One correction, one unchanged row, then the first batch again (a duplicate: counted as a batch, not as rows).
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2", Procedure.Ege, 2025, SmallRegion.Ege("P0002", "S11", 86), SmallRegion.Ege("P0003", "S12", 90)));
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-1", Procedure.Ege, 2025,
            SmallRegion.Ege("P0001", "S11", 70), SmallRegion.Ege("P0002", "S11", 20), SmallRegion.Ege("P0003", "S12", 90), SmallRegion.Ege("P0004", "S21", 60)));
        await SmallRegion.SettleAsync(server, "R1", 2025);

        var metrics = await MetricsProbe.ScrapeAsync(server.HttpAddress);

        Assert.Equal(4, MetricsProbe.Value(metrics, "eduquality_ingest_rows_total", "outcome=\"inserted\"", "procedure=\"Ege\""));
        Assert.Equal(1, MetricsProbe.Value(metrics, "eduquality_ingest_rows_total", "outcome=\"corrected\""));
        Assert.Equal(1, MetricsProbe.Value(metrics, "eduquality_ingest_rows_total", "outcome=\"unchanged\""));
        Assert.Equal(2, MetricsProbe.Value(metrics, "eduquality_ingest_batches_total", "outcome=\"applied\""));
        Assert.Equal(1, MetricsProbe.Value(metrics, "eduquality_ingest_batches_total", "outcome=\"duplicate\""));
        Assert.Equal(3, MetricsProbe.Value(metrics, "eduquality_ingest_batch_duration_seconds_count"));
        // Every school marked its municipality and every municipality the region: S11, S12, S21, M1, M2 at least once.
        Assert.True(MetricsProbe.Value(metrics, "eduquality_rollup_lag_seconds_count") >= 5, metrics);
        Assert.True(MetricsProbe.Value(metrics, "orleans_catalog_activations") > 0, "no Orleans activation gauge");
        Assert.Contains("db_client_operation_duration_seconds_count", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOnGrpcPortAsync(server, "/metrics", apiKey: null));
    }

    [Fact]
    public async Task Dashboard_refuses_anonymous_and_non_administrators_and_admits_the_administrator()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("dashboard"));
        await SmallRegion.RegisterAsync(server);
        var analyst = await new AdminService.AdminServiceClient(server.Channel).IssueKeyAsync(new IssueKeyRequest { Name = "analyst", Role = Role.RegionAnalyst, Scope = "R1" });

        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardStatusAsync(server, apiKey: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await DashboardStatusAsync(server, "eqk_0wrong0key.nothing"));
        Assert.Equal(HttpStatusCode.Forbidden, await DashboardStatusAsync(server, analyst.Secret));
        Assert.Equal(HttpStatusCode.OK, await DashboardStatusAsync(server, RunningServer.AdministratorKey));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOnGrpcPortAsync(server, "/dashboard/", RunningServer.AdministratorKey));
    }

    private static Task<HttpStatusCode> DashboardStatusAsync(RunningServer server, string? apiKey) =>
        StatusAsync(server.HttpAddress, HttpVersion.Version11, "/dashboard/", apiKey);

    /// <summary>The same request over h2c to the gRPC port, where neither endpoint answers.</summary>
    private static Task<HttpStatusCode> StatusOnGrpcPortAsync(RunningServer server, string path, string? apiKey) =>
        StatusAsync(new Uri(server.GrpcAddress), HttpVersion.Version20, path, apiKey);

    private static async Task<HttpStatusCode> StatusAsync(Uri address, Version version, string path, string? apiKey)
    {
        using var http = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
