using System.Diagnostics;
using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Demo;
using Grpc.Net.Client;

namespace EduQuality.Cli.Bench;

/// <summary>
/// End-to-end ingest through gRPC into durable storage, and freshness: while the demo region streams in, probe
/// batches of another year are submitted one at a time and the time from each acknowledgement until the region's
/// live summary counts the probe's rows is measured.
/// </summary>
internal sealed class IngestBenchmark(DemoOptions options, int parallelism, int probes, TextWriter output)
{
    public async Task<IngestFigures> RunAsync(string grpcAddress, CancellationToken cancellationToken)
    {
        var demo = DemoRegion.Generate(options);
        var probeYear = options.Years.Max() + 1;
        var probeBatches = DemoRegion.Generate(options with { Years = [probeYear], BatchSize = 200 }).Batches().Take(probes).ToList();
        using var channel = GrpcChannel.ForAddress(grpcAddress, new GrpcChannelOptions { MaxSendMessageSize = 64 * 1024 * 1024 });
        var ingest = new IngestService.IngestServiceClient(channel);
        var query = new QueryService.QueryServiceClient(channel);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loading {demo.Schools.Count} schools, ~{demo.EstimatedRowCount:N0} results on {parallelism} streams, with {probeBatches.Count} freshness probes ..."));
        var load = new DemoLoader().LoadAsync(channel, demo, parallelism, null, cancellationToken);

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
        return new IngestFigures(report.RowsSent, report.ResultsElapsed, freshness, underLoad);
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
internal sealed record IngestFigures(long Rows, TimeSpan Elapsed, IReadOnlyList<double> FreshnessMilliseconds, int ProbesUnderLoad)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
