using EduQuality.Domain.Assessment;
using EduQuality.Storage.Rollup;
using EduQuality.Storage.Security;
using Npgsql;
using NpgsqlTypes;

namespace EduQuality.Storage.Results;

/// <summary>
/// The raw result store (<c>assessment_result</c>). A school's rows of one batch are applied in one transaction
/// together with the school's new revision and its contribution to its parent, so that an acknowledged batch is
/// durable everywhere a rollup will look for it.
/// </summary>
public sealed class ResultStore(NpgsqlDataSource dataSource, ResultPartitions partitions)
{
    /// <summary>The columns of <c>assessment_result</c> in the order <see cref="WriteRowAsync"/> writes them.</summary>
    public const string Columns =
        "year, procedure, subject, grade, participant_code, school_code, class_label, primary_score, max_primary_score, " +
        "mark, test_score, passed_minimum, term_mark, task_points, task_max_points, score, below_minimum, high_scorer, " +
        "thresholds_version, batch_id";

    private const string DeliveredColumns =
        "school_code, class_label, primary_score, max_primary_score, mark, test_score, passed_minimum, term_mark, " +
        "task_points, task_max_points, score, below_minimum, high_scorer";

    /// <summary>
    /// Writes one school's rows for one year. <paramref name="prepare"/> receives the rows previously stored under
    /// the same natural keys and returns the school's new contribution to its parent and the audit entries of the
    /// change; they and the new revision are written in the same transaction. Returns the new revision, or null
    /// (and writes nothing) when the stored revision is no longer <paramref name="expectedRevision"/>: another
    /// activation of the school wrote meanwhile, and this one's summaries are stale.
    /// </summary>
    public async Task<long?> ApplyAsync(
        string schoolCode,
        int year,
        long expectedRevision,
        string batchId,
        string thresholdsVersion,
        IReadOnlyList<StoredResult> rows,
        Func<IReadOnlyDictionary<ResultKey, StoredResult>, (ContributionDraft Contribution, IReadOnlyCollection<AuditEntry> Audit)> prepare,
        CancellationToken cancellationToken)
    {
        await partitions.EnsureAsync(year, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var create = new NpgsqlCommand(
            // Kept per pooled connection (the data source does not reset sessions) and emptied at every commit:
            // creating it in every transaction cost 13 ms of catalog work per school and batch.
            "CREATE TEMP TABLE IF NOT EXISTS incoming_result (LIKE assessment_result INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, rows, batchId, thresholdsVersion, cancellationToken);
        var previous = await UpsertReturningPreviousAsync(connection, transaction, year, cancellationToken);
        var (contribution, audit) = prepare(previous);
        if (await NextRevisionAsync(connection, transaction, schoolCode, year, expectedRevision, cancellationToken) is not { } revision)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await ContributionStore.UpsertAsync(connection, transaction, year, schoolCode, contribution.ParentCode, revision, contribution.PayloadJson, cancellationToken);
        await AuditLog.AppendAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revision;
    }

    /// <summary>
    /// Bumps the revision of a school's year and rewrites its contribution under its new parent (after a move);
    /// the old parent is marked to re-read, so it drops the school even if its notification is lost.
    /// </summary>
    public async Task<long?> RerouteAsync(string schoolCode, int year, long expectedRevision, string oldParentCode, ContributionDraft contribution, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await NextRevisionAsync(connection, transaction, schoolCode, year, expectedRevision, cancellationToken) is not { } revision)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await ContributionStore.UpsertAsync(connection, transaction, year, schoolCode, contribution.ParentCode, revision, contribution.PayloadJson, cancellationToken);
        await ContributionStore.MarkPendingAsync(connection, transaction, year, oldParentCode, schoolCode, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revision;
    }

    /// <summary>The current revision of a school's year (0 when nothing was written).</summary>
    public async Task<long> RevisionAsync(string schoolCode, int year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT revision FROM school_year_revision WHERE school_code = $1 AND year = $2");
        command.Parameters.AddWithValue(schoolCode);
        command.Parameters.AddWithValue(year);
        return await command.ExecuteScalarAsync(cancellationToken) is long revision ? revision : 0;
    }

    /// <summary>Every stored row of a school's year, for rebuilding its summaries from the raw data.</summary>
    public async Task<List<StoredResult>> LoadSchoolYearAsync(string schoolCode, int year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM assessment_result WHERE year = $1 AND school_code = $2");
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(schoolCode);
        var rows = new List<StoredResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    /// <summary>
    /// For each row whose natural key is already stored under another school, the row index and that school:
    /// a result does not silently move between schools.
    /// </summary>
    public async Task<List<(int Row, string StoredSchool)>> FindHeldByOtherSchoolsAsync(
        ProcedureKind procedure, int year, IReadOnlyList<ResultRecord> rows, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            // One primary-key probe per row, whatever the table's statistics say: with stale statistics on a growing
            // year the planner hashed the whole year instead (measured 139 ms against 14.5 ms per 2,000-row batch).
            "SELECT u.ord::int - 1, r.school_code FROM unnest($3::text[], $4::smallint[], $5::text[], $6::text[]) WITH ORDINALITY " +
            "AS u(subject, grade, participant_code, school_code, ord) " +
            "CROSS JOIN LATERAL (SELECT a.school_code FROM assessment_result a WHERE a.year = $1 AND a.procedure = $2 AND a.subject = u.subject " +
            "AND a.grade = u.grade AND a.participant_code = u.participant_code LIMIT 1) r WHERE r.school_code <> u.school_code");
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue((short)procedure);
        command.Parameters.AddWithValue(rows.Select(r => r.Subject).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => (short)r.Grade).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.ParticipantCode).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.SchoolCode).ToArray());
        var found = new List<(int, string)>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No result was ever stored, so the table has no partition to read yet: nothing is held elsewhere.
        }

        return found;
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<StoredResult> rows, string batchId, string thresholdsVersion, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY incoming_result ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (row, facts) in rows)
        {
            await WriteRowAsync(importer, row, facts, batchId, thresholdsVersion, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes one result row, with its derived facts, to a binary COPY of <see cref="Columns"/>.</summary>
    public static async Task WriteRowAsync(
        NpgsqlBinaryImporter importer, ResultRecord row, ResultFacts facts, string batchId, string thresholdsVersion, CancellationToken cancellationToken)
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
        await importer.WriteAsync(batchId, NpgsqlDbType.Text, cancellationToken);
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

    private static async Task<Dictionary<ResultKey, StoredResult>> UpsertReturningPreviousAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int year, CancellationToken cancellationToken)
    {
        // The CTE "previous" reads the snapshot taken before the upsert, so it returns the old values of every key
        // that the upsert replaces; rows that are identical are not rewritten.
        var sql =
            $"WITH previous AS (SELECT r.* FROM assessment_result r JOIN incoming_result i USING (year, procedure, subject, grade, participant_code) WHERE r.year = $1), " +
            $"upsert AS (INSERT INTO assessment_result ({Columns}) SELECT {Columns} FROM incoming_result " +
            "ON CONFLICT (year, procedure, subject, grade, participant_code) DO UPDATE SET " +
            string.Join(", ", (DeliveredColumns + ", thresholds_version, batch_id").Split(", ").Select(c => $"{c} = EXCLUDED.{c}")) +
            ", updated_at = now() " +
            $"WHERE ({Prefixed("assessment_result", DeliveredColumns)}) IS DISTINCT FROM ({Prefixed("EXCLUDED", DeliveredColumns)})) " +
            $"SELECT {Columns} FROM previous";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue(year);
        var previous = new Dictionary<ResultKey, StoredResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = Read(reader);
            previous[stored.Record.Key] = stored;
        }

        return previous;
    }

    private static string Prefixed(string table, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => $"{table}.{c}"));

    /// <summary>Bumps the revision only from the one the writer's summaries reflect; null when another writer moved it.</summary>
    private static async Task<long?> NextRevisionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schoolCode, int year, long expectedRevision, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO school_year_revision (school_code, year, revision) VALUES ($1, $2, 1) " +
            "ON CONFLICT (school_code, year) DO UPDATE SET revision = school_year_revision.revision + 1 " +
            "WHERE school_year_revision.revision = $3 RETURNING revision",
            connection,
            transaction);
        command.Parameters.AddWithValue(schoolCode);
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(expectedRevision);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    private static StoredResult Read(NpgsqlDataReader reader)
    {
        int? NullableShort(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt16(ordinal);
        bool? NullableBool(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetBoolean(ordinal);

        var record = new ResultRecord
        {
            Year = reader.GetInt32(0),
            Procedure = (ProcedureKind)reader.GetInt16(1),
            Subject = reader.GetString(2),
            Grade = reader.GetInt16(3),
            ParticipantCode = reader.GetString(4),
            SchoolCode = reader.GetString(5),
            ClassLabel = reader.GetString(6),
            PrimaryScore = reader.GetInt32(7),
            MaxPrimaryScore = reader.GetInt32(8),
            Mark = NullableShort(9),
            TestScore = NullableShort(10),
            PassedMinimum = NullableBool(11),
            TermMark = NullableShort(12),
            TaskPoints = reader.GetFieldValue<int[]>(13),
            TaskMaxPoints = reader.GetFieldValue<int[]>(14),
        };
        var facts = new ResultFacts
        {
            Score = reader.GetInt32(15),
            Mark = record.Mark,
            BelowMinimum = NullableBool(16),
            HighScorer = reader.GetBoolean(17),
            TermComparison = ResultFactsDeriver.TermComparison(record.Mark, record.TermMark),
            TaskPoints = record.TaskPoints,
            TaskMaxPoints = record.TaskMaxPoints,
        };
        return new StoredResult(record, facts);
    }
}
