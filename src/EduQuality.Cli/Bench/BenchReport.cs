using System.Globalization;
using EduQuality.Cli.Commands;
using EduQuality.Demo;

namespace EduQuality.Cli.Bench;

/// <summary>All figures of one benchmark run, printed in one block, with the targets they are held to.</summary>
internal sealed record BenchReport(
    MachineInfo Machine,
    string CommandLine,
    string Database,
    DateTime StartedAt,
    string LoadAtStart,
    string LoadAtEnd,
    DateTime EndedAt,
    BenchSettings Settings,
    DemoRegion Demo,
    FloorFigures Floor,
    IngestFigures Ingest,
    PhaseProfile IngestProfile,
    long StoredRows,
    RollupSqlFigures Rollup,
    IReadOnlyList<LevelQueryFigures> Queries,
    GrainMemoryFigures Memory)
{
    private const double IngestTarget = 0.5;
    private const double FreshnessTargetMs = 500;
    private const double QueryTargetMs = 5;
    private const double RegionSpeedupTarget = 100;
    private const double GrainTargetBytes = 64 * 1024;

    public void Print(TextWriter output)
    {
        var ratio = Ingest.RowsPerSecond / Floor.RowsPerSecond;
        var freshnessP50 = Percentiles.Of(Ingest.FreshnessMilliseconds, 0.50);
        var freshnessP99 = Percentiles.Of(Ingest.FreshnessMilliseconds, 0.99);
        var region = Queries.Single(q => q.Level == Level.Region);
        var regionSpeedupP50 = region.SqlP50 / region.GrpcP50;
        var regionSpeedupP99 = region.SqlP99 / region.GrpcP99;
        var queriesMet = Queries.All(q => q.GrpcP99 <= QueryTargetMs);
        var grainMet = Memory.ManagedBytesPerGrain <= GrainTargetBytes;
        var stored = Memory.Stored;

        void Line(string text) => output.WriteLine(text);
        void Fmt(FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));

        Line("");
        Line("==================================== eduq bench: figures of this run ====================================");
        Fmt($"machine:    {Machine}");
        Fmt($"command:    {CommandLine}");
        Fmt($"PostgreSQL: {Database}");
        Fmt($"time:       {StartedAt:yyyy-MM-dd HH:mm:ss} – {EndedAt:HH:mm:ss} UTC ({(EndedAt - StartedAt).TotalMinutes:N1} min); load average at start {LoadAtStart}, at end {LoadAtEnd}");
        Fmt($"data:       demo region seed {Settings.Demo.Seed}, scale {Settings.Demo.Scale}, years {string.Join(", ", Settings.Demo.Years)}: {Demo.Municipalities.Count} municipalities, {Demo.Schools.Count} schools, {Floor.Rows:N0} results in {Floor.Batches:N0} batches of ≤ {Settings.Demo.BatchSize:N0} rows; {Settings.Parallelism} upload streams / COPY connections");
        Line("");
        Line("1. PostgreSQL floor (same rows, all columns of assessment_result incl. derived facts; plain logged table, primary key only)");
        Fmt($"   binary COPY, one COPY + commit per batch, {Settings.Parallelism} connections: {Floor.PerBatchRowsPerSecond,10:N0} rows/s ({Floor.PerBatchElapsed.TotalSeconds:N1} s)");
        Fmt($"   binary COPY, one COPY of everything, one transaction:  {Floor.SingleRowsPerSecond,10:N0} rows/s ({Floor.SingleElapsed.TotalSeconds:N1} s)");
        Fmt($"   floor (the faster):                                    {Floor.RowsPerSecond,10:N0} rows/s ({Floor.FloorWay}); table with its index {Floor.TableBytes / 1048576.0:N0} MiB");
        Fmt($"   (generating the rows client-side, not part of the floor: {Floor.Generation.TotalSeconds:N1} s = {Floor.Rows / Floor.Generation.TotalSeconds:N0} rows/s)");
        Fmt($"   SQL GROUP BY of every summary of a year (RawRollupQuery): {string.Join(", ", Rollup.PerYear.Select(y => string.Create(CultureInfo.InvariantCulture, $"{y.Year} {y.Elapsed.TotalSeconds:N1} s")))}; all {Rollup.PerYear.Count} years {Rollup.Total.TotalSeconds:N1} s");
        Fmt($"   live summaries equal to that recomputation: {Rollup.Agreed:N0} of {Rollup.Compared:N0} slices of {Rollup.Organizations:N0} organisation-years{(Rollup.FirstMismatch.Length > 0 ? "; first difference " + Rollup.FirstMismatch : "")}");
        Line("");
        Line("2. Ours: end-to-end gRPC ingest, rows + revision + contribution in one transaction per school per batch, grain state, rollups");
        Fmt($"   {Ingest.Rows:N0} rows in {Ingest.Elapsed.TotalSeconds:N1} s = {Ingest.RowsPerSecond:N0} rows/s = {ratio:P1} of the COPY floor   [target ≥ {IngestTarget:P0}: {Verdict(ratio >= IngestTarget)}]");
        Fmt($"   rollups settled (every region total equals the stored rows) {(Ingest.SettledAfter is { } settled ? string.Create(CultureInfo.InvariantCulture, $"{settled.TotalMilliseconds:N0} ms") : "NOT within 5 min")} after the last acknowledgement; {StoredRows:N0} rows stored incl. probes");
        Fmt($"   school transactions: {stored.SchoolWrites:N0} for {stored.SchoolYears:N0} school-years = {stored.ResultRows / (double)Math.Max(1, stored.SchoolWrites):N0} rows per school transaction");
        var rss = Ingest.WorkingSetSamples.DefaultIfEmpty().Select(b => b / 1048576.0).ToList();
        Fmt($"   load: {Settings.Parallelism} streaming clients for {Ingest.Elapsed.TotalSeconds:N0} s, {Ingest.Batches:N0} batches all acknowledged (any refused or failed batch stops the benchmark), {Ingest.Retries} retried streams; server RSS (sampled each second) first {rss[0]:N0} MiB, peak {rss.Max():N0} MiB, last {rss[^1]:N0} MiB");
        Line("");
        Line("3. Freshness: acknowledgement → the region's live summary (WatchSummaries) counts the probe batch");
        Fmt($"   {Ingest.FreshnessMilliseconds.Count} probes ({Ingest.ProbesUnderLoad} during the bulk load): p50 {freshnessP50:N0} ms, p99 {freshnessP99:N0} ms, max {Ingest.FreshnessMilliseconds.DefaultIfEmpty().Max():N0} ms   [target p99 ≤ {FreshnessTargetMs:N0} ms: {Verdict(freshnessP99 <= FreshnessTargetMs)}]");
        Line("");
        Line("4. Query latency, sequential, after the load settled (ms): GetSummary over gRPC vs the same summary by SQL over raw rows");
        Line("   level          slices   gRPC p50   gRPC p99    SQL p50    SQL p99  ×p50     ×p99   rows/SQL  SQL = gRPC");
        foreach (var q in Queries)
        {
            Fmt($"   {q.Level,-12} {q.Slices,8:N0} {q.GrpcP50,10:N2} {q.GrpcP99,10:N2} {q.SqlP50,10:N1} {q.SqlP99,10:N1} {q.SqlP50 / q.GrpcP50,6:N0} {q.SqlP99 / q.GrpcP99,8:N0} {q.MeanRowsPerSqlQuery,10:N0}  {q.Agreed}/{q.Compared}");
        }

        Fmt($"   ({Settings.Queries:N0} gRPC calls and {Settings.SqlQueries:N0} SQL queries per level, random slices of every demo year; schools: 300 random school-years)");
        Line("   checks (participants / sum of scores):");
        foreach (var c in Queries.SelectMany(q => q.Checks))
        {
            Fmt($"     {c.Target,-36} gRPC {c.GrpcParticipants,8:N0} / {c.GrpcScoreSum,12:N0}   SQL {c.SqlParticipants,8:N0} / {c.SqlScoreSum,12:N0}   {(c.Agrees ? "agree" : "DIFFER")}");
        }

        Fmt($"   [target p99 ≤ {QueryTargetMs:N0} ms at every level: {Verdict(queriesMet)}]  [target ≥ {RegionSpeedupTarget:N0}× faster than SQL at region level: ×{regionSpeedupP50:N0} at p50, ×{regionSpeedupP99:N0} at p99: {Verdict(regionSpeedupP50 >= RegionSpeedupTarget && regionSpeedupP99 >= RegionSpeedupTarget)}]");
        Line("");
        Line("5. Memory and storage");
        Fmt($"   idle school-year grains activated: {Memory.Grains:N0} (in {Memory.ActivationTime.TotalSeconds:N1} s, {Memory.ActiveAfter:N0} active in all)");
        Fmt($"   managed heap {Memory.Before.ManagedBytes / 1048576.0:N1} → {Memory.After.ManagedBytes / 1048576.0:N1} MiB = {Memory.ManagedBytesPerGrain / 1024:N1} KiB per grain   [target ≤ {GrainTargetBytes / 1024:N0} KiB: {Verdict(grainMet)}]");
        Fmt($"   working set   {Memory.Before.WorkingSetBytes / 1048576.0:N1} → {Memory.After.WorkingSetBytes / 1048576.0:N1} MiB = {Memory.WorkingSetBytesPerGrain / 1024:N1} KiB per grain");
        if (Memory.Parts is { } parts)
        {
            Fmt($"   of which summaries ({parts.States:N0} stored states read back): {parts.ClassSlices:N0} class-level slices = {parts.ClassBytes / 1024:N1} KiB ({parts.ClassBytes / Math.Max(1, parts.ClassSlices):N0} B per slice); the rest {(Memory.ManagedBytesPerGrain - parts.ClassBytes) / 1024:N1} KiB is the activation");
        }
        foreach (var s in stored.GrainStates)
        {
            Fmt($"   grain state '{s.Kind}': {s.Count:N0} rows, payload avg {s.AverageJsonBytes / 1024:N1} KiB (stored {s.AverageStoredBytes / 1024:N1} KiB after TOAST compression), max {s.MaxJsonBytes / 1024.0:N1} KiB");
        }

        foreach (var s in stored.Contributions)
        {
            Fmt($"   contribution {s.Kind}: {s.Count:N0} rows, pg_column_size avg {s.AverageStoredBytes / 1024:N1} KiB, JSON text avg {s.AverageJsonBytes / 1024:N1} KiB, max {s.MaxJsonBytes / 1024.0:N1} KiB");
        }

        Fmt($"   on disk: assessment_result {stored.ResultTableBytes / 1048576.0:N0} MiB, rollup_contribution {stored.ContributionTableBytes / 1048576.0:N1} MiB, orleans_grain_state {stored.GrainStateTableBytes / 1048576.0:N1} MiB (with dead versions not yet vacuumed)");
        Line("");
        Line("Where the time goes");
        Floor.PerBatchProfile.Print(output, Machine.Cores);
        Floor.SingleProfile.Print(output, Machine.Cores);
        IngestProfile.Print(output, Machine.Cores);
        Line("=========================================================================================================");
    }

    private static string Verdict(bool met) => met ? "MET" : "MISSED";
}
