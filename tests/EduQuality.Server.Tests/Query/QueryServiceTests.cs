using System.Net.Http.Json;
using System.Text.Json;
using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Xunit;

namespace EduQuality.Server.Tests.Query;

[Collection(PostgresCollection.Name)]
public sealed class QueryServiceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly Slice Ege2025 = new() { Year = 2025, Procedure = Procedure.Ege, Subject = "RU", Grade = 11 };
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("query"));
        await SmallRegion.RegisterAsync(_server);
        foreach (var (year, shift) in new[] { (2023, 0), (2024, 5), (2025, 10) })
        {
            await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch($"ege-{year}", Procedure.Ege, year,
                SmallRegion.Ege($"P{year}1", "S11", 50 + shift),
                SmallRegion.Ege($"P{year}2", "S12", 70 + shift),
                SmallRegion.Ege($"P{year}3", "S21", 30 + shift)));
            await SmallRegion.SettleAsync(_server, "R1", year);
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Children_are_served_beside_their_parent()
    {
        var response = await _server.Query.CompareChildrenAsync(new CompareChildrenRequest { OrganizationCode = "M1", Slice = Ege2025 });

        Assert.Equal(70, response.Parent.Summary.MeanScore, 6);
        Assert.Equal(["S11", "S12"], response.Children.Select(c => c.OrganizationCode));
        Assert.Equal([60.0, 80.0], response.Children.Select(c => c.Summary.MeanScore));
    }

    [Fact]
    public async Task Series_covers_three_years_oldest_first()
    {
        var response = await _server.Query.GetSeriesAsync(new GetSeriesRequest { OrganizationCode = "R1", Slice = Ege2025 });

        Assert.Equal([2023, 2024, 2025], response.Points.Select(p => p.Slice.Year));
        Assert.Equal([50.0, 55.0, 60.0], response.Points.Select(p => p.Summary.MeanScore));
    }

    [Fact]
    public async Task Summary_is_served_as_json_over_http_get()
    {
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };
        http.DefaultRequestHeaders.Add("x-api-key", RunningServer.AdministratorKey);

        var json = await http.GetFromJsonAsync<JsonElement>(
            "/v1/summaries/R1?slice.year=2025&slice.procedure=PROCEDURE_EGE&slice.subject=RU&slice.grade=11");

        Assert.Equal("R1", json.GetProperty("organizationCode").GetString());
        Assert.Equal(3, json.GetProperty("summary").GetProperty("participants").GetInt64());
        Assert.Equal(60, json.GetProperty("summary").GetProperty("meanScore").GetDouble(), 6);
        Assert.Equal(60, json.GetProperty("summary").GetProperty("median").GetInt32());
    }

    [Fact]
    public async Task Unknown_organisation_is_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _server.Query.GetSummaryAsync(new GetSummaryRequest { OrganizationCode = "NOPE", Slice = Ege2025 }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Watch_pushes_the_region_summary_when_a_batch_is_acknowledged()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = _server.Query.WatchSummaries(new WatchSummariesRequest { OrganizationCode = "R1", Year = 2026 }, cancellationToken: timeout.Token);
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        Assert.Empty(watch.ResponseStream.Current.Summaries);

        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2026", Procedure.Ege, 2026, SmallRegion.Ege("P20261", "S21", 77)));

        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        var region = Assert.Single(watch.ResponseStream.Current.Summaries);
        Assert.Equal(1, region.Summary.Participants);
        Assert.Equal(77, region.Summary.MeanScore, 6);
    }

    [Fact]
    public async Task Health_and_reflection_services_answer()
    {
        var health = await new Health.HealthClient(_server.Channel).CheckAsync(new HealthCheckRequest());
        using var reflection = new ServerReflection.ServerReflectionClient(_server.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains("eduquality.v1.IngestService", reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }
}
