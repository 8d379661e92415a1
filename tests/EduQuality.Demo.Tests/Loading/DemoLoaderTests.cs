using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.Demo.Tests.Loading;

public sealed class DemoLoaderTests
{
    private static readonly DemoOptions Tiny = new() { Schools = 24, Municipalities = 3, Scale = 0.1, BatchSize = 150 };

    [Fact]
    public async Task Every_batch_is_applied_once_and_an_unavailable_stream_is_resent_with_the_same_ids()
    {
        var demo = DemoRegion.Generate(Tiny);
        var expected = demo.Batches().ToList();
        await using var server = await FakeServer.StartAsync(new FakeIngestService { FailuresLeft = 2 });

        var report = await Loader().LoadAsync(server.Channel, demo, parallelism: 3, progress: null, CancellationToken.None);

        Assert.Equal(expected.Sum(b => (long)b.Rows.Count), report.RowsSent);
        Assert.Equal(expected.Count, report.Batches);
        Assert.Equal(2, report.Retries);
        // Each failed stream had its first batch applied before the failure; sent again, it comes back as a duplicate.
        Assert.Equal(2, report.DuplicateBatches);
        Assert.Equal(expected.Select(b => b.BatchId).Order(), server.Ingest.Applied.Keys.Order());
        Assert.All(expected, b => Assert.Equal(b.Rows.Count, server.Ingest.Applied[b.BatchId]));
        Assert.Equal(expected.Count + 4, server.Ingest.Received.Count);
        Assert.True(report.RowsPerSecond > 0);
    }

    [Fact]
    public async Task Contexts_and_activities_of_the_general_schools_are_sent_once_per_year_after_the_results()
    {
        var demo = DemoRegion.Generate(Tiny);
        await using var server = await FakeServer.StartAsync(new FakeIngestService());

        await Loader().LoadAsync(server.Channel, demo, parallelism: 2, progress: null, CancellationToken.None);

        var batches = server.Contexts.SchoolContexts.ToList();
        var general = demo.Contexts.Where(c => c.Kind == SchoolKind.General).ToList();
        Assert.Equal(demo.Options.Years, batches.Select(b => b.Rows[0].Year));
        Assert.All(batches, b => Assert.Equal(general.Select(c => c.SchoolCode), b.Rows.Select(r => r.SchoolCode)));
        Assert.Equal(general[0].Factors.ShareChronicAbsence, batches[0].Rows[0].ShareChronicAbsence);
        Assert.Equal(batches.Count, batches.Select(b => b.BatchId).Distinct().Count());
        Assert.Equal(3 * demo.Options.Years.Count(), server.Contexts.Activities.Count);
        Assert.Equal(
            [typeof(TeacherBatch), typeof(OlympiadBatch), typeof(CareerGuidanceBatch)],
            server.Contexts.Activities.Select(b => b.GetType()).Distinct());
    }

    [Fact]
    public async Task Organisations_are_registered_region_first_then_municipalities_then_schools_in_chunks_of_1000()
    {
        var demo = DemoRegion.Generate(new DemoOptions { Schools = 1500, Municipalities = 30, Scale = 0.01, Years = [2025] });
        await using var server = await FakeServer.StartAsync(new FakeIngestService());

        var report = await Loader().LoadAsync(server.Channel, demo, parallelism: 2, progress: null, CancellationToken.None);

        var requests = server.Organizations.Requests.ToList();
        Assert.Equal([1000, 531], requests.Select(r => r.Count));
        var codes = requests.SelectMany(r => r).ToList();
        Assert.Equal(demo.Organizations().Select(o => o.Code), codes);
        Assert.Equal("R99", codes[0]);
        Assert.Equal(["M01", "M02"], codes.Skip(1).Take(2));
        Assert.Equal("M01-S001", codes[31]);
        Assert.Equal(1531, report.OrganizationsCreated);
    }

    [Fact]
    public async Task Progress_is_reported_until_every_row_is_acknowledged()
    {
        var demo = DemoRegion.Generate(Tiny);
        var reports = new List<DemoLoadProgress>();
        await using var server = await FakeServer.StartAsync(new FakeIngestService());

        var report = await Loader().LoadAsync(server.Channel, demo, parallelism: 2, new SynchronousProgress(reports), CancellationToken.None);

        lock (reports)
        {
            Assert.NotEmpty(reports);
            Assert.Equal(report.RowsSent, reports.Max(p => p.RowsAcknowledged));
            Assert.All(reports, p => Assert.Equal(demo.EstimatedRowCount, p.EstimatedTotalRows));
        }
    }

    [Fact]
    public async Task A_refused_batch_stops_the_load_with_the_servers_error()
    {
        var demo = DemoRegion.Generate(Tiny);
        await using var server = await FakeServer.StartAsync(new FakeIngestService { FailuresLeft = 1, FailWith = StatusCode.InvalidArgument });

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Loader().LoadAsync(server.Channel, demo, parallelism: 1, progress: null, CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(1, server.Ingest.Streams);
    }

    [Fact]
    public async Task A_stream_that_stays_unavailable_gives_up_after_the_attempt_limit()
    {
        var demo = DemoRegion.Generate(Tiny);
        await using var server = await FakeServer.StartAsync(new FakeIngestService { FailuresLeft = 100 });

        var error = await Assert.ThrowsAsync<RpcException>(
            () => new DemoLoader(maxAttempts: 3, initialBackoff: TimeSpan.FromMilliseconds(1), batchesPerStream: 4)
                .LoadAsync(server.Channel, demo, parallelism: 1, progress: null, CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(3, server.Ingest.Streams);
        Assert.Equal([demo.Batches().First().BatchId], server.Ingest.Applied.Keys);
    }

    private static DemoLoader Loader() => new(maxAttempts: 4, initialBackoff: TimeSpan.FromMilliseconds(1), batchesPerStream: 4);

    /// <summary>Records progress on the reporting thread, unlike <see cref="Progress{T}"/>, which posts it later.</summary>
    private sealed class SynchronousProgress(List<DemoLoadProgress> reports) : IProgress<DemoLoadProgress>
    {
        public void Report(DemoLoadProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
