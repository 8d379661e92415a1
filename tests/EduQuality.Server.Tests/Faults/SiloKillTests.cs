using System.Diagnostics;
using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Server.Tests.Infrastructure;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace EduQuality.Server.Tests.Faults;

/// <summary>
/// A cluster of three silos, each its own server process, on one PostgreSQL membership table; one is killed hard in
/// the middle of a continuous ingest.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Faults")]
public sealed class SiloKillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    /// <summary>Orleans' SiloStatus.Dead as stored in orleans_membership.status.</summary>
    private const int DeadStatus = 6;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_silo_killed_mid_ingest_loses_no_batch_and_every_rollup_equals_the_sql_recomputation()
    {
        var clock = Stopwatch.StartNew();
        var demo = DemoData.Small();
        var batches = demo.Batches().ToList();
        var rowsSent = batches.Sum(b => b.Rows.Count);
        Assert.Equal(rowsSent, SummaryAudit.DistinctResultKeys(batches));

        var database = await postgres.CreateDatabaseAsync("silo_kill");
        var clusterId = "faults-" + Guid.NewGuid().ToString("N")[..8];
        var silos = new List<ServerProcess>();
        try
        {
            var starting = Enumerable.Range(1, 3).Select(i => ServerProcess.StartAsync($"silo{i}", database, clusterId, StartTimeout)).ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                silos.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: three silos serving (gRPC ports {string.Join(", ", silos.Select(s => s.GrpcPort))})");
            Assert.Equal(3, await ActiveSilosAsync(database, clusterId));

            await silos[0].Organizations.RegisterOrganizationsAsync(
                new RegisterOrganizationsRequest { Organizations = { demo.Organizations() } }, deadline: DateTime.UtcNow.AddSeconds(30));
            var ingest = new RetryingIngest(silos.Select(s => (s.Name, s.Ingest)).ToList(), callTimeout: TimeSpan.FromSeconds(10));
            var running = ingest.RunAsync(batches, workers: 3, timeout: TimeSpan.FromSeconds(120));
            await ingest.WaitForAcknowledgedAsync(batches.Count / 3, TimeSpan.FromSeconds(60), running);

            var victim = silos[1];
            var acknowledgedAtKill = ingest.AcknowledgedCount;
            await victim.KillAsync();
            var killedAt = ingest.Elapsed;
            var killedClock = Stopwatch.StartNew();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: killed {victim.Name} with {acknowledgedAtKill} of {batches.Count} batches acknowledged");
            Assert.True(acknowledgedAtKill < batches.Count, "the ingest ended before the kill");

            await running;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: every batch acknowledged, {ingest.Elapsed - killedAt:mm\\:ss\\.f} after the kill; {ingest.Failures.Count} failed attempts");
            foreach (var failure in ingest.Failures)
            {
                output.WriteLine("  " + failure);
            }

            var deadAfter = await WaitUntilDeadAsync(database, clusterId, victim.SiloPort, killedClock, TimeSpan.FromSeconds(90));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: membership declared {victim.Name} dead {deadAfter.TotalSeconds:0.0} s after the kill");

            // The settle barrier needs a grain factory: an in-process silo joins the surviving cluster.
            await using var observer = await RunningServer.StartAsync(database, clusterId: clusterId);
            await DemoData.SettleAsync(observer, demo);
            var served = await DemoData.ServedSummariesAsync(observer, demo);
            var servedBySurvivor = await SummaryAudit.ServedAsync(silos[2].Query, demo.Organizations().Select(o => o.Code), demo.Options.Years);
            var recomputed = await DemoData.RecomputedSummariesAsync(observer, demo);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: settled; {SummaryAudit.DescribeDifferences(recomputed, served)}");

            Assert.Empty(ingest.ServerErrors());
            Assert.Equal(batches.Select(b => b.BatchId).Order(StringComparer.Ordinal), ingest.Acknowledged.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(rowsSent, await SummaryAudit.CountAsync(database, "SELECT count(*) FROM assessment_result"));
            Assert.Equal(batches.Count, await SummaryAudit.CountAsync(database, "SELECT count(*) FROM ingest_batch"));
            Assert.Contains(served.Keys, k => k.Contains($"/{DemoRegion.RegionCode}/Ege/RU/11/", StringComparison.Ordinal));
            DemoData.AssertSame(recomputed, served);
            DemoData.AssertSame(recomputed, servedBySurvivor);
        }
        catch
        {
            foreach (var silo in silos)
            {
                output.WriteLine(silo.OutputTail());
            }

            throw;
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s: done");
        }
    }

    private static async Task<long> ActiveSilosAsync(string database, string clusterId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = 3", connection);
        command.Parameters.AddWithValue(clusterId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls the membership table until the silo on <paramref name="siloPort"/> is Dead; returns the time since the kill.</summary>
    private static async Task<TimeSpan> WaitUntilDeadAsync(string database, string clusterId, int siloPort, Stopwatch sinceKill, TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT status FROM orleans_membership WHERE deployment_id = $1 AND port = $2 ORDER BY generation DESC LIMIT 1", connection);
            command.Parameters.AddWithValue(clusterId);
            command.Parameters.AddWithValue(siloPort);
            var status = await command.ExecuteScalarAsync() as int?;
            if (status == DeadStatus)
            {
                return sinceKill.Elapsed;
            }

            if (sinceKill.Elapsed > timeout)
            {
                throw new TimeoutException($"the killed silo is still {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent"} in the membership table {timeout.TotalSeconds:0} s after the kill");
            }

            await Task.Delay(250);
        }
    }
}
