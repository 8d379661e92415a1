using System.CommandLine;
using System.Globalization;
using EduQuality.Api.Clients;
using EduQuality.Demo;
using Grpc.Net.Client;

namespace EduQuality.Cli.Commands;

/// <summary><c>eduq demo</c>: generates the demo region and loads it into a running server through gRPC.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        var key = CommonOptions.Key();
        var seed = CommonOptions.Seed();
        var scale = CommonOptions.Scale();
        var parallelism = CommonOptions.Parallelism();
        var command = new Command("demo", "Load the demo region (30 municipalities, 600 schools, three years) into a server") { server, key, seed, scale, parallelism };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new DemoOptions { Seed = result.GetValue(seed), Scale = result.GetValue(scale) };
            using var channel = EduQualityChannel.Create(result.GetValue(server)!, result.GetValue(key));
            var report = await LoadAsync(channel, options, result.GetValue(parallelism), Console.Out, cancellationToken);
            return report.RowsSent > 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Loads a demo region, printing progress to <paramref name="output"/>.</summary>
    public static async Task<DemoLoadReport> LoadAsync(GrpcChannel channel, DemoOptions options, int parallelism, TextWriter output, CancellationToken cancellationToken)
    {
        var demo = DemoRegion.Generate(options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Demo region {DemoRegion.RegionCode}: {demo.Municipalities.Count} municipalities, {demo.Schools.Count} schools, about {demo.EstimatedRowCount:N0} results"));
        var lastPrinted = TimeSpan.Zero;
        var progress = new SynchronousProgress<DemoLoadProgress>(p =>
        {
            if (p.Elapsed - lastPrinted >= TimeSpan.FromSeconds(5))
            {
                lastPrinted = p.Elapsed;
                var rate = p.RowsAcknowledged / Math.Max(0.001, p.Elapsed.TotalSeconds);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {p.RowsAcknowledged,12:N0} of ~{p.EstimatedTotalRows:N0} rows, {rate:N0} rows/s"));
            }
        });
        var report = await new DemoLoader().LoadAsync(channel, demo, parallelism, progress, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {report.RowsSent:N0} rows in {report.Batches:N0} batches in {report.ResultsElapsed.TotalSeconds:N1} s " +
            $"({report.RowsSent / Math.Max(0.001, report.ResultsElapsed.TotalSeconds):N0} rows/s); {report.DuplicateBatches} resends, {report.Retries} retries"));
        return report;
    }
}
