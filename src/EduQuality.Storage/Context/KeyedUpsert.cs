using Npgsql;

namespace EduQuality.Storage.Context;

/// <summary>A column of a keyed upsert: its name, its PostgreSQL type and the values of every row.</summary>
public sealed record UpsertColumn(string Name, string Type, Array Values);

/// <summary>
/// The one upsert of context rows by natural key: rows are sent as arrays (unnest), a row whose values equal the stored
/// ones is left alone, and PostgreSQL's <c>xmax = 0</c> on the returned rows tells new rows from replaced ones.
/// </summary>
public static class KeyedUpsert
{
    public static async Task<UpsertCounts> RunAsync(
        NpgsqlDataSource dataSource, string table, IReadOnlyList<UpsertColumn> keys, IReadOnlyList<UpsertColumn> values, string batchId, CancellationToken cancellationToken)
    {
        var columns = keys.Concat(values).ToList();
        var names = string.Join(", ", columns.Select(c => c.Name));
        var arrays = string.Join(", ", columns.Select((c, i) => $"${i + 1}::{c.Type}[]"));
        var set = string.Join(", ", values.Select(c => $"{c.Name} = EXCLUDED.{c.Name}"));
        var mine = string.Join(", ", values.Select(c => $"{table}.{c.Name}"));
        var theirs = string.Join(", ", values.Select(c => $"EXCLUDED.{c.Name}"));
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {table} ({names}, batch_id) SELECT *, ${columns.Count + 1} FROM unnest({arrays}) " +
            $"ON CONFLICT ({string.Join(", ", keys.Select(k => k.Name))}) DO UPDATE SET {set}, batch_id = EXCLUDED.batch_id, updated_at = now() " +
            $"WHERE ROW({mine}) IS DISTINCT FROM ROW({theirs}) RETURNING (xmax = 0)");
        foreach (var column in columns)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = column.Values });
        }

        command.Parameters.AddWithValue(batchId);
        int inserted = 0, corrected = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(0))
            {
                inserted++;
            }
            else
            {
                corrected++;
            }
        }

        var rows = columns[0].Values.Length;
        return new UpsertCounts(inserted, corrected, rows - inserted - corrected);
    }
}
