using System.Diagnostics;
using System.Globalization;
using EduQuality.Demo;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Reference;
using EduQuality.Server.Mapping;
using EduQuality.Storage.Results;
using Npgsql;
using NpgsqlTypes;

namespace EduQuality.Cli.Bench;

/// <summary>
/// The PostgreSQL floor: the demo region's rows, with every column of <c>assessment_result</c> (the derived facts
/// computed as the server computes them), binary-COPied into a plain table with only the primary key, in the same
/// durable (logged, fsync on) database. Two ways: one COPY and commit per demo batch on as many connections as the
/// load uses (each batch durable on its own, as an acknowledged batch is), and one COPY of everything in one
/// transaction. The faster is the floor. The table is created in its own transaction beforehand, so the COPY
/// writes WAL like any insert into an existing table.
/// </summary>
internal sealed class CopyFloorBenchmark(NpgsqlDataSource dataSource, int parallelism, PhaseMeter meter, TextWriter output)
{
    private const string Table = "bench_copy_floor";

    private const string Columns = ResultStore.Columns;

    /// <summary>The rows of every demo batch, mapped and with their facts derived, as the server would store them.</summary>
    public static FloorData Generate(DemoOptions options)
    {
        var clock = Stopwatch.StartNew();
        var thresholds = ThresholdTable.Default;
        var batches = new List<FloorBatch>();
        foreach (var batch in DemoRegion.Generate(options).Batches())
        {
            var rows = ResultRowMapper.ToRecords(batch).Select(r => new StoredResult(r, ResultFactsDeriver.Derive(r, thresholds))).ToArray();
            batches.Add(new FloorBatch(batch.BatchId, rows));
        }

        return new FloorData(batches, thresholds.Version, clock.Elapsed);
    }

    public async Task<FloorFigures> RunAsync(FloorData data, CancellationToken cancellationToken)
    {
        var rows = data.Batches.Sum(b => (long)b.Rows.Length);

        await RecreateTableAsync(cancellationToken);
        var start = await meter.StartAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(
            async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                for (var i = Interlocked.Increment(ref next); i < data.Batches.Count; i = Interlocked.Increment(ref next))
                {
                    await CopyAsync(connection, data.Batches[i], data.ThresholdsVersion, cancellationToken);
                }
            },
            cancellationToken)));
        var perBatch = clock.Elapsed;
        var perBatchProfile = await meter.StopAsync(start, $"COPY floor, one COPY + commit per batch, {parallelism} connections", rows, cancellationToken);
        var tableBytes = await ScalarAsync<long>($"SELECT pg_total_relation_size('{Table}')", cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one COPY + commit per batch on {parallelism} connections: {rows:N0} rows in {perBatch.TotalSeconds:N1} s = {rows / perBatch.TotalSeconds:N0} rows/s"));

        await RecreateTableAsync(cancellationToken);
        start = await meter.StartAsync(cancellationToken);
        clock.Restart();
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await CopyAllAsync(connection, data.Batches, data.ThresholdsVersion, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var single = clock.Elapsed;
        var singleProfile = await meter.StopAsync(start, "COPY floor, one COPY of everything, one transaction", rows, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one COPY in one transaction: {rows:N0} rows in {single.TotalSeconds:N1} s = {rows / single.TotalSeconds:N0} rows/s"));

        await ExecuteAsync($"DROP TABLE {Table}; CHECKPOINT", cancellationToken);
        return new FloorFigures(rows, data.Batches.Count, data.GenerationElapsed, perBatch, single, tableBytes, perBatchProfile, singleProfile);
    }

    private async Task RecreateTableAsync(CancellationToken cancellationToken)
    {
        // Its own transaction: a table created in the COPY's transaction would let wal_level=minimal skip the WAL.
        await ExecuteAsync(
            $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (LIKE assessment_result INCLUDING DEFAULTS); " +
            $"ALTER TABLE {Table} ADD PRIMARY KEY (year, procedure, subject, grade, participant_code)",
            cancellationToken);
        await ExecuteAsync("CHECKPOINT", cancellationToken);
    }

    /// <summary>Every batch in one COPY, as the server's COPY path writes rows.</summary>
    private static async Task CopyAllAsync(NpgsqlConnection connection, IEnumerable<FloorBatch> batches, string thresholdsVersion, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var batch in batches)
        {
            foreach (var (row, facts) in batch.Rows)
            {
                await ResultStore.WriteRowAsync(importer, row, facts, batch.BatchId, thresholdsVersion, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>One batch, written as the server's COPY path writes it, in its own transaction.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, FloorBatch batch, string thresholdsVersion, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (row, facts) in batch.Rows)
        {
            await ResultStore.WriteRowAsync(importer, row, facts, batch.BatchId, thresholdsVersion, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

internal sealed record FloorBatch(string BatchId, StoredResult[] Rows);

internal sealed record FloorData(IReadOnlyList<FloorBatch> Batches, string ThresholdsVersion, TimeSpan GenerationElapsed);

/// <summary>What the COPY floor measured.</summary>
internal sealed record FloorFigures(
    long Rows, int Batches, TimeSpan Generation, TimeSpan PerBatchElapsed, TimeSpan SingleElapsed, long TableBytes,
    PhaseProfile PerBatchProfile, PhaseProfile SingleProfile)
{
    public double PerBatchRowsPerSecond => Rows / PerBatchElapsed.TotalSeconds;

    public double SingleRowsPerSecond => Rows / SingleElapsed.TotalSeconds;

    /// <summary>The faster way: what PostgreSQL can take at best.</summary>
    public double RowsPerSecond => Math.Max(PerBatchRowsPerSecond, SingleRowsPerSecond);

    public string FloorWay => PerBatchRowsPerSecond >= SingleRowsPerSecond ? "one COPY + commit per batch" : "one COPY in one transaction";
}
