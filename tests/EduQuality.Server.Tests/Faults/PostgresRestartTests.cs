using System.Diagnostics;
using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Server.Tests.Infrastructure;
using EduQuality.Storage.Migrations;
using EduQuality.Storage.Postgres;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit;
using Xunit.Abstractions;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EduQuality.Server.Tests.Faults;

/// <summary>
/// Tests that stop their own PostgreSQL server. They run alone (after the parallel collections), so that the CPU the
/// outage timing depends on is not shared with other integration tests on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PrivatePostgresCollection
{
    public const string Name = "private-postgres";
}

/// <summary>PostgreSQL stops in the middle of a continuous ingest and comes back; the server recovers by itself.</summary>
[Collection(PrivatePostgresCollection.Name)]
[Trait("Category", "Faults")]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MinimumOutage = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Ingest_survives_a_postgres_restart_with_only_retryable_statuses_and_no_server_restart()
    {
        var clock = Stopwatch.StartNew();
        var demo = DemoData.Small();
        var batches = demo.Batches().ToList();
        var rowsSent = batches.Sum(b => b.Rows.Count);
        Assert.Equal(rowsSent, SummaryAudit.DistinctResultKeys(batches));

        // A private, durable server: stopping it must not disturb the shared one other tests use.
        await using var postgres = await LocalPostgres.StartThrowawayAsync("faults", fsync: true);
        var database = postgres.ConnectionString;
        await new SchemaMigrator(database).ApplyAsync();
        await using var server = await RunningServer.StartAsync(database);
        var health = new Health.HealthClient(server.Channel);
        Assert.Equal(ServingStatus.Serving, await HealthProbe.CheckAsync(health));
        await server.Organizations.RegisterOrganizationsAsync(new RegisterOrganizationsRequest { Organizations = { demo.Organizations() } });
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: server up, {batches.Count} batches to send");

        var ingest = new RetryingIngest([("server", server.Ingest)], callTimeout: TimeSpan.FromSeconds(10));
        var running = ingest.RunAsync(batches, workers: 3, timeout: TimeSpan.FromSeconds(90));
        await ingest.WaitForAcknowledgedAsync(batches.Count / 3, TimeSpan.FromSeconds(60), running);

        var acknowledgedAtStop = ingest.AcknowledgedCount;
        await postgres.StopServerAsync();
        var down = ingest.Elapsed;
        var acknowledgedWhenDown = ingest.AcknowledgedCount;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: PostgreSQL stopped with {acknowledgedAtStop} of {batches.Count} batches acknowledged");
        Assert.True(acknowledgedAtStop < batches.Count, "the ingest ended before PostgreSQL stopped");

        var healthWhileDown = await HealthProbe.WaitForAsync(health, ServingStatus.NotServing, TimeSpan.FromSeconds(15));
        await WaitUntilAsync(
            () => ingest.Elapsed - down >= MinimumOutage && ingest.Failures.Count(f => f.At >= down) >= 3,
            TimeSpan.FromSeconds(20),
            () => $"{ingest.Failures.Count(f => f.At >= down)} failed attempts while PostgreSQL was down");
        var acknowledgedWhileDown = ingest.AcknowledgedCount - acknowledgedWhenDown;

        await postgres.StartServerAsync();
        var up = ingest.Elapsed;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: PostgreSQL started again after {(up - down).TotalSeconds:0.0} s");
        var healthAfter = await HealthProbe.WaitForAsync(health, ServingStatus.Serving, TimeSpan.FromSeconds(15));

        await running;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: every batch acknowledged, {(ingest.Elapsed - up).TotalSeconds:0.0} s after the restart; {ingest.Failures.Count} failed attempts");
        foreach (var failure in ingest.Failures)
        {
            output.WriteLine("  " + failure);
        }

        await DemoData.SettleAsync(server, demo);
        var served = await DemoData.ServedSummariesAsync(server, demo);
        var recomputed = await DemoData.RecomputedSummariesAsync(server, demo);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: settled; {SummaryAudit.DescribeDifferences(recomputed, served)}");

        var whileDown = ingest.Failures.Where(f => f.At >= down && f.At < up).ToList();
        Assert.NotEmpty(whileDown);
        Assert.Equal(0, acknowledgedWhileDown);
        Assert.All(ingest.Failures, f => Assert.True(
            f.Status is StatusCode.Unavailable or StatusCode.DeadlineExceeded, $"not a retryable status: {f}"));
        Assert.Equal(ServingStatus.NotServing, healthWhileDown);
        Assert.Equal(ServingStatus.Serving, healthAfter);
        Assert.Equal(batches.Select(b => b.BatchId).Order(StringComparer.Ordinal), ingest.Acknowledged.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(rowsSent, await SummaryAudit.CountAsync(database, "SELECT count(*) FROM assessment_result"));
        Assert.Equal(batches.Count, await SummaryAudit.CountAsync(database, "SELECT count(*) FROM ingest_batch"));
        Assert.Contains(served.Keys, k => k.Contains($"/{DemoRegion.RegionCode}/Ege/RU/11/", StringComparison.Ordinal));
        DemoData.AssertSame(recomputed, served);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0} s: {describe()}");
            }

            await Task.Delay(50);
        }
    }
}
