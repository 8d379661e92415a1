using Npgsql;

namespace EduQuality.Storage.Rollup;

/// <summary>
/// Durable child contributions (<c>rollup_contribution</c>): one row per child and year, replaced only by a newer
/// version, so duplicates, reordering and retries cannot double-count.
/// </summary>
public sealed class ContributionStore(NpgsqlDataSource dataSource)
{
    /// <summary>Writes a contribution unless a newer or equal version is already stored.</summary>
    public async Task UpsertAsync(int year, string childCode, ContributionDraft draft, long version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await UpsertAsync(connection, null, year, childCode, draft.ParentCode, version, draft.PayloadJson, cancellationToken);
    }

    internal static async Task UpsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        int year,
        string childCode,
        string parentCode,
        long version,
        string payloadJson,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "WITH contribution AS (INSERT INTO rollup_contribution (year, child_code, parent_code, version, payload) VALUES ($1, $2, $3, $4, $5::jsonb) " +
            "ON CONFLICT (year, child_code) DO UPDATE SET parent_code = EXCLUDED.parent_code, version = EXCLUDED.version, " +
            "payload = EXCLUDED.payload, updated_at = now() WHERE rollup_contribution.version < EXCLUDED.version RETURNING 1) " +
            "INSERT INTO rollup_pending (year, parent_code, child_code, mark) VALUES ($1, $3, $2, nextval('rollup_pending_mark')) " +
            "ON CONFLICT (year, parent_code, child_code) DO UPDATE SET mark = EXCLUDED.mark, marked_at = now()",
            connection,
            transaction);
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(childCode);
        command.Parameters.AddWithValue(parentCode);
        command.Parameters.AddWithValue(version);
        command.Parameters.AddWithValue(payloadJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The contributions now addressed to a parent for a year. A payload is returned only for children whose
    /// version differs from <paramref name="known"/>; children in <paramref name="known"/> that are absent from the
    /// result have left the parent.
    /// </summary>
    public async Task<List<StoredContribution>> ReadChangedAsync(
        string parentCode, int year, IReadOnlyDictionary<string, long> known, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT c.child_code, c.version, CASE WHEN k.version IS DISTINCT FROM c.version THEN c.payload::text END " +
            "FROM rollup_contribution c LEFT JOIN unnest($3::text[], $4::bigint[]) AS k(child_code, version) USING (child_code) " +
            "WHERE c.parent_code = $1 AND c.year = $2");
        command.Parameters.AddWithValue(parentCode);
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(known.Keys.ToArray());
        command.Parameters.AddWithValue(known.Values.ToArray());
        var rows = new List<StoredContribution>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredContribution(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Marks a parent as having a changed child, in the caller's transaction (a child that moved away).</summary>
    internal static async Task MarkPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int year, string parentCode, string childCode, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO rollup_pending (year, parent_code, child_code, mark) VALUES ($1, $2, $3, nextval('rollup_pending_mark')) " +
            "ON CONFLICT (year, parent_code, child_code) DO UPDATE SET mark = EXCLUDED.mark, marked_at = now()",
            connection,
            transaction);
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(parentCode);
        command.Parameters.AddWithValue(childCode);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The parent's pending marks by child, read before its children's contributions are read.</summary>
    public async Task<Dictionary<string, long>> PendingMarksAsync(string parentCode, int year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT child_code, mark FROM rollup_pending WHERE year = $1 AND parent_code = $2");
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(parentCode);
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            marks[reader.GetString(0)] = reader.GetInt64(1);
        }

        return marks;
    }

    /// <summary>
    /// Clears the marks that were read, except those a child set again since; returns how long each cleared mark
    /// waited, in seconds by the database clock (the rollup lag).
    /// </summary>
    public async Task<List<double>> ClearPendingAsync(string parentCode, int year, IReadOnlyDictionary<string, long> marks, CancellationToken cancellationToken)
    {
        var waited = new List<double>();
        if (marks.Count == 0)
        {
            return waited;
        }

        await using var command = dataSource.CreateCommand(
            "DELETE FROM rollup_pending p USING unnest($3::text[], $4::bigint[]) AS m(child_code, mark) " +
            "WHERE p.year = $1 AND p.parent_code = $2 AND p.child_code = m.child_code AND p.mark = m.mark " +
            "RETURNING extract(epoch FROM clock_timestamp() - p.marked_at)::float8");
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(parentCode);
        command.Parameters.AddWithValue(marks.Keys.ToArray());
        command.Parameters.AddWithValue(marks.Values.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            waited.Add(reader.GetDouble(0));
        }

        return waited;
    }

    /// <summary>Parents marked longer ago than <paramref name="olderThan"/>: their notification was lost or their silo died.</summary>
    public async Task<List<(int Year, string Code)>> OverduePendingAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT year, parent_code FROM rollup_pending WHERE marked_at < now() - $1");
        command.Parameters.AddWithValue(olderThan);
        var overdue = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            overdue.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return overdue;
    }

    /// <summary>The version stored for a child's year, or 0.</summary>
    public async Task<long> VersionAsync(string childCode, int year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM rollup_contribution WHERE year = $1 AND child_code = $2");
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(childCode);
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }
}

/// <summary>A stored contribution; <see cref="PayloadJson"/> is null when the reader already knows this version.</summary>
public sealed record StoredContribution(string ChildCode, long Version, string? PayloadJson);
