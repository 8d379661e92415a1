using System.CommandLine;
using System.Globalization;
using EduQuality.Cli.Bench;
using EduQuality.Demo;

namespace EduQuality.Cli.Commands;

/// <summary>
/// <c>eduq bench</c>: starts its own durable PostgreSQL and the real server in this process, loads the demo region
/// through gRPC and prints ingest throughput and rollup freshness.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var seed = CommonOptions.Seed();
        var scale = CommonOptions.Scale();
        var parallelism = CommonOptions.Parallelism();
        var probes = new Option<int>("--probes") { Description = "freshness probes (one batch each)", DefaultValueFactory = _ => 200 };
        var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string of an empty database; default: a throwaway local server" };
        var coalesce = new Option<int>("--coalesce-ms") { Description = "rollup coalescing window in milliseconds", DefaultValueFactory = _ => 150 };
        var command = new Command("bench", "Measure end-to-end ingest and rollup freshness on the demo region") { seed, scale, parallelism, probes, connection, coalesce };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = Console.Out;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"eduq bench: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
            await using var host = await BenchmarkHost.StartAsync(result.GetValue(connection), result.GetValue(coalesce));
            var options = new DemoOptions { Seed = result.GetValue(seed), Scale = result.GetValue(scale) };
            var figures = await new IngestBenchmark(options, result.GetValue(parallelism), result.GetValue(probes), output).RunAsync(host.GrpcAddress, cancellationToken);
            Print(figures, output);
            return 0;
        });
        return command;
    }

    private static void Print(IngestFigures f, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest end to end (gRPC → durable rows, summaries, contributions): {f.Rows:N0} rows in {f.Elapsed.TotalSeconds:N1} s = {f.RowsPerSecond:N0} rows/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"freshness (ack → region summary updated), {f.FreshnessMilliseconds.Count} probes, {f.ProbesUnderLoad} during the bulk load: " +
            $"p50 {Percentiles.Of(f.FreshnessMilliseconds, 0.50):N0} ms, p99 {Percentiles.Of(f.FreshnessMilliseconds, 0.99):N0} ms, max {f.FreshnessMilliseconds.DefaultIfEmpty().Max():N0} ms"));
    }
}
