using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Domain.Summaries;
using EduQuality.Grains.Results;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;

namespace EduQuality.Cli.Bench;

/// <summary>
/// Memory of idle school grains: the server is restarted (same database, nothing activated), one school-year is
/// queried to warm every path, the managed heap and working set are measured after aggressive full blocking
/// compacting collections, every other school-year with results is queried once (one activation each, state read from
/// storage), and the heap is measured again. The difference divided by the activations is the cost of one
/// idle school-year grain; the stored states deserialized apart show how much of it is summaries. Also the stored
/// sizes: grain state (Orleans table) and contributions.
/// </summary>
internal sealed class GrainMemoryBenchmark(BenchmarkHost host, NpgsqlDataSource dataSource, DemoRegion demo, TextWriter output)
{
    public async Task<GrainMemoryFigures> RunAsync(CancellationToken cancellationToken)
    {
        var schoolYears = new List<(string School, int Year)>();
        await using (var command = dataSource.CreateCommand("SELECT school_code, year FROM school_year_revision WHERE year = ANY($1) ORDER BY year, school_code"))
        {
            command.Parameters.AddWithValue(demo.Options.Years);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                schoolYears.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var restart = Stopwatch.StartNew();
        await host.RestartServerAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  server restarted in {restart.Elapsed.TotalSeconds:N1} s; activating {schoolYears.Count:N0} school-year grains"));
        using var channel = host.OpenChannel();
        var client = new QueryService.QueryServiceClient(channel);
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

        await ActivateAsync(client, schoolYears[0], cancellationToken);
        await ActivateAsync(client, schoolYears[0], cancellationToken);
        var activeBefore = await SchoolActivationsAsync(management);
        var before = Measure();

        var clock = Stopwatch.StartNew();
        foreach (var schoolYear in schoolYears.Skip(1))
        {
            await ActivateAsync(client, schoolYear, cancellationToken);
        }

        var activationTime = clock.Elapsed;
        var after = Measure();
        var activeAfter = await SchoolActivationsAsync(management);
        var grains = activeAfter - activeBefore;

        var sizes = await StoredSizesAsync(cancellationToken);
        var parts = await SummaryPartsAsync(cancellationToken);
        return new GrainMemoryFigures(grains, activeAfter, before, after, activationTime, sizes, parts);
    }

    /// <summary>
    /// What the summaries alone take on the heap: every stored school-year state deserialized (the class-level
    /// summaries a grain holds; whole-school slices are derived on demand). The payloads are loaded first and kept
    /// alive, so only the summaries are counted.
    /// </summary>
    private async Task<SummaryParts?> SummaryPartsAsync(CancellationToken cancellationToken)
    {
        var payloads = new List<byte[]>();
        await using (var command = dataSource.CreateCommand("SELECT payload FROM orleans_grain_state WHERE grain_type = 'school-year' AND payload IS NOT NULL"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                payloads.Add(reader.GetFieldValue<byte[]>(0));
            }
        }

        try
        {
            var empty = Measure();
            var states = payloads.Select(p => JsonSerializer.Deserialize<SchoolYearState>(p, SummaryJson.Options)!).ToList();
            var classes = Measure();
            var parts = new SummaryParts(
                states.Count,
                states.Average(s => s.Classes.Count),
                (classes.ManagedBytes - empty.ManagedBytes) / (double)states.Count);
            GC.KeepAlive(payloads);
            GC.KeepAlive(states);
            return parts;
        }
        catch (JsonException e)
        {
            output.WriteLine($"  stored states could not be read back for the decomposition: {e.Message}");
            return null;
        }
    }

    private static async Task ActivateAsync(QueryService.QueryServiceClient client, (string School, int Year) schoolYear, CancellationToken cancellationToken) =>
        await client.GetSummaryAsync(
            new GetSummaryRequest
            {
                OrganizationCode = schoolYear.School,
                Slice = new Slice { Year = schoolYear.Year, Procedure = Procedure.Vpr, Subject = "RU", Grade = 5 },
            },
            cancellationToken: cancellationToken);

    private static async Task<int> SchoolActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("SchoolYear", StringComparison.OrdinalIgnoreCase))
            .Sum(s => s.ActivationCount);

    private static MemorySample Measure()
    {
        // Aggressive: a full blocking compacting collection that also gives freed memory back to the OS, so that the
        // working set means something too.
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return new MemorySample(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, process.PrivateMemorySize64);
    }

    private async Task<StoredSizes> StoredSizesAsync(CancellationToken cancellationToken)
    {
        var states = new List<StoredSize>();
        await using (var command = dataSource.CreateCommand(
            "SELECT grain_type, count(*), avg(pg_column_size(payload))::float8, avg(length(payload))::float8, max(length(payload)) FROM orleans_grain_state WHERE payload IS NOT NULL GROUP BY grain_type ORDER BY 1"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                states.Add(new StoredSize(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt32(4)));
            }
        }

        var contributions = new List<StoredSize>();
        await using (var command = dataSource.CreateCommand(
            "SELECT CASE o.level WHEN 3 THEN 'school → municipality' WHEN 2 THEN 'municipality → region' ELSE 'other' END, count(*), " +
            "avg(pg_column_size(c.payload))::float8, avg(octet_length(c.payload::text))::float8, max(octet_length(c.payload::text)) " +
            "FROM rollup_contribution c JOIN organization o ON o.code = c.child_code GROUP BY o.level ORDER BY o.level DESC"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                contributions.Add(new StoredSize(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt32(4)));
            }
        }

        await using (var command = dataSource.CreateCommand(
            "SELECT (SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits WHERE inhparent = 'assessment_result'::regclass)::bigint, " +
            "pg_total_relation_size('rollup_contribution'), pg_total_relation_size('orleans_grain_state'), " +
            "(SELECT count(*) FROM assessment_result), (SELECT coalesce(sum(revision), 0) FROM school_year_revision)::bigint, " +
            "(SELECT count(*) FROM school_year_revision)"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new StoredSizes(states, contributions, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
        }
    }
}

internal readonly record struct MemorySample(long ManagedBytes, long WorkingSetBytes, long PrivateBytes);

/// <summary>Rows of one kind of stored document: count, average stored size, average JSON text size, largest.</summary>
internal sealed record StoredSize(string Kind, long Count, double AverageStoredBytes, double AverageJsonBytes, int MaxJsonBytes);

/// <summary>Stored sizes after the load.</summary>
internal sealed record StoredSizes(
    IReadOnlyList<StoredSize> GrainStates, IReadOnlyList<StoredSize> Contributions,
    long ResultTableBytes, long ContributionTableBytes, long GrainStateTableBytes, long ResultRows, long SchoolWrites, long SchoolYears);

/// <summary>What activating idle school grains cost.</summary>
/// <summary>The summaries of a school-year on the heap: slices and bytes of its class-level set.</summary>
internal sealed record SummaryParts(int States, double ClassSlices, double ClassBytes);

internal sealed record GrainMemoryFigures(
    int Grains, int ActiveAfter, MemorySample Before, MemorySample After, TimeSpan ActivationTime, StoredSizes Stored, SummaryParts? Parts)
{
    public double ManagedBytesPerGrain => Grains > 0 ? (After.ManagedBytes - Before.ManagedBytes) / (double)Grains : double.NaN;

    public double WorkingSetBytesPerGrain => Grains > 0 ? (After.WorkingSetBytes - Before.WorkingSetBytes) / (double)Grains : double.NaN;
}
