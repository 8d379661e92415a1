using System.Globalization;
using Npgsql;

namespace EduQuality.Cli.Bench;

/// <summary>
/// PostgreSQL's own view of a phase: WAL written and flushed (pg_stat_wal), tuples written per table
/// (pg_stat_user_tables) and, when the pg_stat_statements extension is loaded, execution time per statement.
/// Every figure is optional: a server without a view simply reports nothing for it.
/// </summary>
internal sealed class PgStats(NpgsqlDataSource dataSource)
{
    public bool HasStatements { get; private set; }

    /// <summary>Creates pg_stat_statements when its library is preloaded; returns whether it is usable.</summary>
    public async Task<bool> TryEnableStatementsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements");
            await command.ExecuteScalarAsync(cancellationToken);
            HasStatements = true;
        }
        catch (PostgresException)
        {
            HasStatements = false;
        }

        return HasStatements;
    }

    public async Task<PgSample> SampleAsync(CancellationToken cancellationToken)
    {
        // Statistics of finished transactions reach the shared counters within about a second.
        await Task.Delay(TimeSpan.FromMilliseconds(1100), cancellationToken);
        var wal = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT * FROM pg_stat_wal");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is IConvertible value and not DateTime and not string)
                    {
                        wal[reader.GetName(i)] = value.ToDouble(CultureInfo.InvariantCulture);
                    }
                }
            }
        }
        catch (PostgresException)
        {
            // No pg_stat_wal (before PostgreSQL 14).
        }

        var tables = new Dictionary<string, TableWrites>(StringComparer.Ordinal);
        // User tables (partitions summed into their parent, temporary tables under one name) and the system catalogs
        // together: creating and dropping a table writes catalog rows.
        await using (var command = dataSource.CreateCommand(
            "SELECT CASE WHEN s.schemaname = 'pg_catalog' THEN 'system catalogs' WHEN s.schemaname LIKE 'pg_temp%' THEN 'temporary tables' " +
            "ELSE coalesce(p.relname, s.relname) END, " +
            "sum(s.n_tup_ins)::bigint, sum(s.n_tup_upd)::bigint, sum(s.n_tup_hot_upd)::bigint, sum(s.n_tup_del)::bigint " +
            "FROM pg_stat_all_tables s LEFT JOIN pg_inherits i ON i.inhrelid = s.relid LEFT JOIN pg_class p ON p.oid = i.inhparent " +
            "WHERE s.schemaname NOT IN ('information_schema', 'pg_toast') GROUP BY 1"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables[reader.GetString(0)] = new TableWrites(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            }
        }

        return new PgSample(wal, tables);
    }

    public async Task ResetStatementsAsync(CancellationToken cancellationToken)
    {
        if (!HasStatements)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("SELECT pg_stat_statements_reset()");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The statements of this database that took the most execution time since the last reset.</summary>
    public async Task<IReadOnlyList<StatementTotals>> TopStatementsAsync(int count, CancellationToken cancellationToken)
    {
        if (!HasStatements)
        {
            return [];
        }

        // Every entry, not the top few: a statement on a temporary table gets a new entry for every new table.
        await using var command = dataSource.CreateCommand(
            "SELECT query, calls, total_exec_time FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())");
        var found = new Dictionary<string, (long Calls, double Seconds)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = StatementProfile.Classify(reader.GetString(0));
            var (calls, seconds) = found.GetValueOrDefault(kind);
            found[kind] = (calls + reader.GetInt64(1), seconds + (reader.GetDouble(2) / 1000));
        }

        return found.Select(f => new StatementTotals(f.Key, f.Value.Calls, f.Value.Seconds)).OrderByDescending(s => s.Seconds).Take(count).ToList();
    }

    /// <summary>How many times pg_stat_statements has evicted entries since its last reset (statistics lost), or null.</summary>
    public async Task<long?> StatementEvictionsAsync(CancellationToken cancellationToken)
    {
        if (!HasStatements)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("SELECT dealloc FROM pg_stat_statements_info");
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }
}

/// <summary>Tuples written to one table (partitions summed into their parent).</summary>
internal readonly record struct TableWrites(long Inserted, long Updated, long HotUpdated, long Deleted);

/// <summary>Cumulative PostgreSQL counters at one instant.</summary>
internal sealed record PgSample(IReadOnlyDictionary<string, double> Wal, IReadOnlyDictionary<string, TableWrites> Tables)
{
    public static PgUse operator -(PgSample end, PgSample start)
    {
        double? Wal(string name) => end.Wal.TryGetValue(name, out var e) && start.Wal.TryGetValue(name, out var s) ? e - s : null;
        var tables = end.Tables.Select(t =>
        {
            var before = start.Tables.GetValueOrDefault(t.Key);
            return (t.Key, Writes: new TableWrites(
                t.Value.Inserted - before.Inserted, t.Value.Updated - before.Updated, t.Value.HotUpdated - before.HotUpdated, t.Value.Deleted - before.Deleted));
        }).Where(t => t.Writes.Inserted + t.Writes.Updated + t.Writes.Deleted > 0).ToDictionary(t => t.Key, t => t.Writes, StringComparer.Ordinal);
        return new PgUse(Wal("wal_bytes"), Wal("wal_records"), Wal("wal_fpi"), Wal("wal_sync"), Wal("wal_sync_time"), Wal("wal_write_time"), tables);
    }
}

/// <summary>What PostgreSQL wrote during a phase.</summary>
internal sealed record PgUse(
    double? WalBytes, double? WalRecords, double? WalFullPageImages, double? WalSyncs, double? WalSyncMilliseconds, double? WalWriteMilliseconds,
    IReadOnlyDictionary<string, TableWrites> Tables)
{
    public string DescribeWal(long rows)
    {
        if (WalBytes is not { } bytes)
        {
            return "WAL: n/a";
        }

        var timing = WalSyncMilliseconds is { } sync && sync > 0
            ? string.Create(CultureInfo.InvariantCulture, $", flush time {sync / 1000:N1} s, write time {(WalWriteMilliseconds ?? 0) / 1000:N1} s")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"WAL {bytes / 1048576:N0} MiB ({(rows > 0 ? bytes / rows : 0):N0} B/row), {WalRecords ?? 0:N0} records, {WalFullPageImages ?? 0:N0} full-page images, {WalSyncs ?? 0:N0} flushes{timing}");
    }

    public string DescribeTables() => string.Join("; ", Tables.OrderByDescending(t => t.Value.Inserted + t.Value.Updated + t.Value.Deleted)
        .Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Key} {t.Value.Inserted:N0} ins, {t.Value.Updated:N0} upd ({t.Value.HotUpdated:N0} HOT), {t.Value.Deleted:N0} del")));
}
