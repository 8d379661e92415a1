using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace EduQuality.Server.Tests.Rollup;

[Collection(PostgresCollection.Name)]
public sealed class DemoRollupTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_rollup_of_the_demo_region_equals_the_sql_recomputation_from_raw_rows()
    {
        var demo = DemoData.Small();
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("demo"));
        var report = await DemoData.LoadAsync(server, demo);
        await DemoData.SettleAsync(server, demo);

        var served = await DemoData.ServedSummariesAsync(server, demo);
        var recomputed = await DemoData.RecomputedSummariesAsync(server, demo);

        Assert.True(report.RowsSent > 10_000, $"only {report.RowsSent} rows");
        Assert.Contains(served.Keys, k => k.Contains($"/{DemoRegion.RegionCode}/Ege/RU/11/", StringComparison.Ordinal));
        DemoData.AssertSame(recomputed, served);
    }

    [Fact]
    public async Task Every_batch_twice_in_shuffled_order_gives_the_aggregates_of_one_ordered_load()
    {
        var demo = DemoData.Small();
        await using var ordered = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("ordered"));
        await DemoData.LoadAsync(ordered, demo);
        await DemoData.SettleAsync(ordered, demo);
        var expected = await DemoData.ServedSummariesAsync(ordered, demo);

        await using var shuffled = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("shuffled"));
        await shuffled.Organizations.RegisterOrganizationsAsync(new RegisterOrganizationsRequest { Organizations = { demo.Organizations() } });
        var batches = demo.Batches().SelectMany(b => new[] { b, b }).ToList();
        var random = new Random(7);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batches));
        var duplicates = 0;
        await Parallel.ForEachAsync(batches.Chunk(batches.Count / 4 + 1), async (share, _) =>
        {
            using var call = shuffled.Ingest.UploadBatches();
            foreach (var batch in share)
            {
                await call.RequestStream.WriteAsync(batch);
            }

            await call.RequestStream.CompleteAsync();
            Interlocked.Add(ref duplicates, (await call).Batches.Count(b => b.Duplicate));
        });
        await DemoData.SettleAsync(shuffled, demo);

        Assert.True(duplicates >= batches.Count / 2 - 4, $"{duplicates} of {batches.Count} batches were recognised as resends");
        DemoData.AssertSame(expected, await DemoData.ServedSummariesAsync(shuffled, demo));
    }

    [Fact]
    public async Task After_a_silo_restart_every_aggregate_is_identical()
    {
        var demo = DemoData.Small();
        var database = await postgres.CreateDatabaseAsync("restart");
        SortedDictionary<string, string> before;
        await using (var server = await RunningServer.StartAsync(database))
        {
            await DemoData.LoadAsync(server, demo);
            await DemoData.SettleAsync(server, demo);
            before = await DemoData.ServedSummariesAsync(server, demo);
        }

        await using var restarted = await RunningServer.StartAsync(database);
        var after = await DemoData.ServedSummariesAsync(restarted, demo);

        Assert.NotEmpty(before);
        DemoData.AssertSame(before, after);
    }
}
