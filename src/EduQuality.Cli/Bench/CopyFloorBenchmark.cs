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

    private const string Columns =
        "year, procedure, subject, grade, participant_code, school_code, class_label, primary_score, max_primary_score, " +
        "mark, test_score, passed_minimum, term_mark, task_points, task_max_points, score, below_minimum, high_scorer, " +
        "thresholds_version, batch_id";

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
        await Task.Run(
            () =>
            {
                using var connection = dataSource.OpenConnection();
                using var transaction = connection.BeginTransaction();
                Copy(connection, data.Batches, data.ThresholdsVersion);
                transaction.Commit();
            },
            cancellationToken);
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

    private static void Copy(NpgsqlConnection connection, IEnumerable<FloorBatch> batches, string thresholdsVersion)
    {
        using var importer = connection.BeginBinaryImport($"COPY {Table} ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var batch in batches)
        {
            foreach (var (row, facts) in batch.Rows)
            {
                importer.StartRow();
                importer.Write(row.Year, NpgsqlDbType.Integer);
                importer.Write((short)row.Procedure, NpgsqlDbType.Smallint);
                importer.Write(row.Subject, NpgsqlDbType.Text);
                importer.Write((short)row.Grade, NpgsqlDbType.Smallint);
                importer.Write(row.ParticipantCode, NpgsqlDbType.Text);
                importer.Write(row.SchoolCode, NpgsqlDbType.Text);
                importer.Write(row.ClassLabel, NpgsqlDbType.Text);
                importer.Write(row.PrimaryScore, NpgsqlDbType.Integer);
                importer.Write(row.MaxPrimaryScore, NpgsqlDbType.Integer);
                WriteNullable(importer, (short?)row.Mark, NpgsqlDbType.Smallint);
                WriteNullable(importer, (short?)row.TestScore, NpgsqlDbType.Smallint);
                WriteNullable(importer, row.PassedMinimum, NpgsqlDbType.Boolean);
                WriteNullable(importer, (short?)row.TermMark, NpgsqlDbType.Smallint);
                importer.Write(row.TaskPoints, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                importer.Write(row.TaskMaxPoints, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                importer.Write(facts.Score, NpgsqlDbType.Integer);
                WriteNullable(importer, facts.BelowMinimum, NpgsqlDbType.Boolean);
                importer.Write(facts.HighScorer, NpgsqlDbType.Boolean);
                importer.Write(thresholdsVersion, NpgsqlDbType.Text);
                importer.Write(batch.BatchId, NpgsqlDbType.Text);
            }
        }

        importer.Complete();
    }

    /// <summary>One batch, written as the server's COPY path writes (asynchronously), in its own transaction.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, FloorBatch batch, string thresholdsVersion, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (row, facts) in batch.Rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.Year, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync((short)row.Procedure, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(row.Subject, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync((short)row.Grade, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(row.ParticipantCode, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.SchoolCode, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.ClassLabel, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.PrimaryScore, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.MaxPrimaryScore, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, (short?)row.Mark, NpgsqlDbType.Smallint, cancellationToken);
            await WriteNullableAsync(importer, (short?)row.TestScore, NpgsqlDbType.Smallint, cancellationToken);
            await WriteNullableAsync(importer, row.PassedMinimum, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(importer, (short?)row.TermMark, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(row.TaskPoints, NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.TaskMaxPoints, NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(facts.Score, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, facts.BelowMinimum, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(facts.HighScorer, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(thresholdsVersion, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(batch.BatchId, NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type, cancellationToken);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            importer.Write(v, type);
        }
        else
        {
            importer.WriteNull();
        }
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
