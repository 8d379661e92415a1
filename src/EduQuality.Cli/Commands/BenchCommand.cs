using System.CommandLine;
using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Cli.Bench;
using EduQuality.Demo;
using EduQuality.Storage.Results;
using Grpc.Net.Client;
using Npgsql;

namespace EduQuality.Cli.Commands;

/// <summary>
/// <c>eduq bench</c>: starts its own durable PostgreSQL and the real server in this process and, on one generated
/// demo region, measures the PostgreSQL floor (binary COPY of the same rows, SQL GROUP BY of every summary), our
/// end-to-end gRPC ingest and rollup freshness, query latency against SQL over the raw rows, and the memory of idle
/// school grains. Prints the figures in one block at the end.
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
        var queries = new Option<int>("--queries") { Description = "GetSummary calls timed per level (region, municipality, school)", DefaultValueFactory = _ => 2000 };
        var sqlQueries = new Option<int>("--sql-queries") { Description = "SQL recomputations over raw rows timed per level", DefaultValueFactory = _ => 200 };
        var rollupYears = new Option<int>("--rollup-years") { Description = "years (the last ones) recomputed by SQL GROUP BY and compared; 0 = all", DefaultValueFactory = _ => 0 };
        var command = new Command("bench", "Measure the PostgreSQL floor, end-to-end ingest, freshness, query latency and grain memory on the demo region")
        {
            seed, scale, parallelism, probes, connection, coalesce, queries, sqlQueries, rollupYears,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new BenchSettings(
                new DemoOptions { Seed = result.GetValue(seed), Scale = result.GetValue(scale) },
                result.GetValue(parallelism),
                result.GetValue(probes),
                result.GetValue(connection),
                result.GetValue(coalesce),
                result.GetValue(queries),
                result.GetValue(sqlQueries),
                result.GetValue(rollupYears));
            await RunAsync(settings, Console.Out, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(BenchSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Describe();
        var commandLine = "eduq " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        var startedAt = DateTime.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();
        output.WriteLine($"eduq bench on {machine}");
        output.WriteLine($"command: {commandLine}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"started {startedAt:yyyy-MM-dd HH:mm:ss} UTC, load average {loadAtStart}"));

        await using var host = await BenchmarkHost.StartAsync(settings.Connection, settings.CoalesceMilliseconds);
        await using var dataSource = NpgsqlDataSource.Create(host.ConnectionString);
        var pg = new PgStats(dataSource);
        await pg.TryEnableStatementsAsync(cancellationToken);
        using var statements = new StatementProfile();
        var meter = new PhaseMeter(new ResourceMeter(() => host.PostmasterPid), pg, statements, dataSource);
        var database = await DescribeDatabaseAsync(dataSource, cancellationToken);
        output.WriteLine($"PostgreSQL: {database}");
        var demo = DemoRegion.Generate(settings.Demo);

        output.WriteLine();
        output.WriteLine("1/5 PostgreSQL floor: generating the rows, then binary COPY into a plain table with only the primary key");
        var data = CopyFloorBenchmark.Generate(settings.Demo);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  generated {data.Batches.Sum(b => b.Rows.Length):N0} rows in {data.Batches.Count:N0} batches in {data.GenerationElapsed.TotalSeconds:N1} s (demo generator, mapping, facts)"));
        var floor = await new CopyFloorBenchmark(dataSource, settings.Parallelism, meter, output).RunAsync(data, cancellationToken);
        data = null;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        output.WriteLine();
        output.WriteLine("2/5 ours: the same region through gRPC, durable rows and rollups, with freshness probes");
        var start = await meter.StartAsync(cancellationToken);
        var ingest = await new IngestBenchmark(settings.Demo, settings.Parallelism, settings.Probes, dataSource, output).RunAsync(host.GrpcAddress, cancellationToken);
        var ingestProfile = await meter.StopAsync(start, "ours: gRPC ingest with durable rollups (includes the demo generator and the probes)", ingest.Rows, cancellationToken);
        var stored = await StoredAfterLoadAsync(dataSource, cancellationToken);

        using var channel = host.OpenChannel();
        var query = new QueryService.QueryServiceClient(channel);
        output.WriteLine();
        output.WriteLine("3/5 every summary of every year by SQL GROUP BY over the raw rows (RawRollupQuery), compared with the live summaries");
        var years = settings.RollupYears > 0 ? demo.Options.Years.TakeLast(settings.RollupYears).ToArray() : demo.Options.Years;
        var rollup = await new RollupSqlBenchmark(new RawRollupQuery(dataSource), query, years, output).RunAsync(cancellationToken);

        output.WriteLine();
        output.WriteLine("4/5 query latency: GetSummary over gRPC against SQL over the raw rows");
        var queries = await new QueryBenchmark(query, dataSource, demo, settings.Demo.Seed, settings.Queries, settings.SqlQueries, output).RunAsync(cancellationToken);

        output.WriteLine();
        output.WriteLine("5/5 memory of idle school grains after a server restart");
        var memory = await new GrainMemoryBenchmark(host, dataSource, demo, output).RunAsync(cancellationToken);

        var report = new BenchReport(
            machine, commandLine, database, startedAt, loadAtStart, MachineInfo.LoadAverage(), DateTime.UtcNow, settings, demo,
            floor, ingest, ingestProfile, stored, rollup, queries, memory);
        report.Print(output);
    }

    private static async Task<string> DescribeDatabaseAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT split_part(version(), ' on ', 1) || '; fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') || " +
            "', wal_level ' || current_setting('wal_level') || ', shared_buffers ' || current_setting('shared_buffers') || " +
            "', pg_stat_statements ' || CASE WHEN current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%' THEN 'on' ELSE 'off' END");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long> StoredAfterLoadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM assessment_result");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>The options of one benchmark run.</summary>
internal sealed record BenchSettings(
    DemoOptions Demo, int Parallelism, int Probes, string? Connection, int CoalesceMilliseconds, int Queries, int SqlQueries, int RollupYears);
