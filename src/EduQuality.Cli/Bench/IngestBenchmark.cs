using System.Diagnostics;
using System.Globalization;
using EduQuality.Api.Clients;
using EduQuality.Api.V1;
using EduQuality.Cli.Commands;
using EduQuality.Demo;
using Grpc.Net.Client;
using Npgsql;

namespace EduQuality.Cli.Bench;

/// <summary>
/// End-to-end ingest through gRPC into durable storage, and freshness: while the demo region streams in, probe
/// batches of another year are submitted one at a time and the time from each acknowledgement until the region's
/// live summary counts the probe's rows is measured. After the load, the time until the region's summaries count
/// every stored row (the rollups have settled).
/// </summary>
internal sealed class IngestBenchmark(DemoOptions options, int parallelism, int probes, NpgsqlDataSource dataSource, TextWriter output)
{
    public async Task<IngestFigures> RunAsync(string grpcAddress, CancellationToken cancellationToken)
    {
        var demo = DemoRegion.Generate(options);
        var probeYear = options.Years.Max() + 1;
        var probeBatches = DemoRegion.Generate(options with { Years = [probeYear], BatchSize = 200 }).Batches().Take(probes).ToList();
        using var channel = EduQualityChannel.Create(grpcAddress, BenchmarkHost.AdministratorKey);
        var ingest = new IngestService.IngestServiceClient(channel);
        var query = new QueryService.QueryServiceClient(channel);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loading {demo.Schools.Count} schools, ~{demo.EstimatedRowCount:N0} results on {parallelism} streams, with {probeBatches.Count} freshness probes ..."));
        var lastPrinted = TimeSpan.Zero;
        var progress = new SynchronousProgress<DemoLoadProgress>(p =>
        {
            if (p.Elapsed - lastPrinted >= TimeSpan.FromSeconds(20))
            {
                lastPrinted = p.Elapsed;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {p.Elapsed.TotalSeconds,6:N0} s: {p.RowsAcknowledged,12:N0} of ~{p.EstimatedTotalRows:N0} rows, {p.RowsAcknowledged / Math.Max(0.001, p.Elapsed.TotalSeconds):N0} rows/s"));
            }
        });
        var load = new DemoLoader().LoadAsync(channel, demo, parallelism, progress, cancellationToken);
        var memory = SampleWorkingSetAsync(load);

        // Probes start once the organisations exist, and run alongside the bulk load.
        await WaitForOrganizationsAsync(new OrganizationService.OrganizationServiceClient(channel), demo, cancellationToken);
        await using var watcher = new RegionWatcher(query, DemoRegion.RegionCode, probeYear);
        var freshness = new List<double>();
        var underLoad = 0;
        long expected = 0;
        foreach (var batch in probeBatches)
        {
            var ack = await ingest.SubmitBatchAsync(batch, cancellationToken: cancellationToken);
            var acknowledged = Stopwatch.GetTimestamp();
            underLoad += load.IsCompleted ? 0 : 1;
            expected += ack.Inserted;
            var seen = await watcher.WaitForAsync(expected, cancellationToken);
            freshness.Add(Math.Max(0, Stopwatch.GetElapsedTime(acknowledged, seen).TotalMilliseconds));
        }

        var report = await load;
        var loaded = Stopwatch.GetTimestamp();
        var settled = await SettleAsync(query, dataSource, demo.Options.Years.Append(probeYear).ToArray(), cancellationToken);
        return new IngestFigures(report.RowsSent, report.Batches, report.ResultsElapsed, freshness, underLoad,
            settled ? Stopwatch.GetElapsedTime(loaded) : null, report.Retries, await memory);
    }

    /// <summary>The server's resident memory (this process hosts it) once a second while the load runs.</summary>
    private static async Task<IReadOnlyList<long>> SampleWorkingSetAsync(Task load)
    {
        var samples = new List<long>();
        using var process = Process.GetCurrentProcess();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (!load.IsCompleted && await timer.WaitForNextTickAsync())
        {
            process.Refresh();
            samples.Add(process.WorkingSet64);
        }

        return samples;
    }

    /// <summary>
    /// Waits until, for every year, the region's live summaries count exactly the rows stored in
    /// <c>assessment_result</c>: the rollups have caught up with every acknowledged batch. False after five minutes.
    /// </summary>
    private static async Task<bool> SettleAsync(QueryService.QueryServiceClient query, NpgsqlDataSource dataSource, int[] years, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<int, long>();
        await using (var command = dataSource.CreateCommand("SELECT year, count(*) FROM assessment_result GROUP BY year"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetInt32(0)] = reader.GetInt64(1);
            }
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            var settled = true;
            foreach (var year in years)
            {
                var region = await query.ListSummariesAsync(new ListSummariesRequest { OrganizationCode = DemoRegion.RegionCode, Year = year }, cancellationToken: cancellationToken);
                settled &= region.Summaries.Where(s => s.Slice.ClassLabel.Length == 0).Sum(s => s.Summary.Participants) == stored.GetValueOrDefault(year);
            }

            if (settled)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        return false;
    }

    private static async Task WaitForOrganizationsAsync(OrganizationService.OrganizationServiceClient organizations, DemoRegion demo, CancellationToken cancellationToken)
    {
        var lastSchool = demo.Schools[^1].Code;
        while (true)
        {
            try
            {
                await organizations.GetOrganizationAsync(new GetOrganizationRequest { Code = lastSchool }, cancellationToken: cancellationToken);
                return;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }
}

/// <summary>What the ingest benchmark measured.</summary>
internal sealed record IngestFigures(
    long Rows,
    int Batches,
    TimeSpan Elapsed,
    IReadOnlyList<double> FreshnessMilliseconds,
    int ProbesUnderLoad,
    TimeSpan? SettledAfter,
    int Retries,
    IReadOnlyList<long> WorkingSetSamples)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
