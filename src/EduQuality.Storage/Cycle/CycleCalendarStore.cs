using System.Text.Json;
using EduQuality.Domain.Cycle;
using Npgsql;
using NpgsqlTypes;

namespace EduQuality.Storage.Cycle;

/// <summary>
/// What a region configures about its cycles and what the timers find: calendars (<c>cycle_schedule</c>), thresholds
/// of a measurable effect (<c>cycle_effect_thresholds</c>), local directions (<c>cycle_local_direction</c>) and overdue
/// stages (<c>cycle_overdue</c>).
/// </summary>
public sealed class CycleCalendarStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The region's calendar, or the annual default when it has none.</summary>
    public async Task<CycleSchedule> ScheduleAsync(string region, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT entries::text FROM cycle_schedule WHERE region = $1");
        command.Parameters.AddWithValue(region);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? new CycleSchedule(region, JsonSerializer.Deserialize<List<ScheduleEntry>>(json, Json) ?? [])
            : CycleSchedule.Annual(region);
    }

    public async Task SetScheduleAsync(CycleSchedule schedule, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO cycle_schedule (region, entries) VALUES ($1, $2) ON CONFLICT (region) DO UPDATE SET entries = EXCLUDED.entries, updated_at = now()");
        command.Parameters.AddWithValue(schedule.Region);
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(schedule.Entries, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The region's thresholds of a measurable effect, or the defaults when it has none.</summary>
    public async Task<EffectThresholds> ThresholdsAsync(string region, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT share, score, count FROM cycle_effect_thresholds WHERE region = $1");
        command.Parameters.AddWithValue(region);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new EffectThresholds(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2))
            : EffectThresholds.Default;
    }

    public async Task SetThresholdsAsync(string region, EffectThresholds thresholds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO cycle_effect_thresholds (region, share, score, count) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (region) DO UPDATE SET share = EXCLUDED.share, score = EXCLUDED.score, count = EXCLUDED.count, updated_at = now()");
        command.Parameters.AddWithValue(region);
        command.Parameters.AddWithValue(thresholds.Share);
        command.Parameters.AddWithValue(thresholds.Score);
        command.Parameters.AddWithValue(thresholds.Count);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<List<CycleDirection>> LocalDirectionsAsync(string region, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT code, name_ru FROM cycle_local_direction WHERE region = $1 ORDER BY code");
        command.Parameters.AddWithValue(region);
        var list = new List<CycleDirection>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new CycleDirection(reader.GetString(0), reader.GetString(1), false, region));
        }

        return list;
    }

    /// <summary>Adds a local direction; adding the same code again keeps the first name.</summary>
    public async Task AddLocalDirectionAsync(CycleDirection direction, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO cycle_local_direction (region, code, name_ru) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue(direction.Region!);
        command.Parameters.AddWithValue(direction.Code);
        command.Parameters.AddWithValue(direction.NameRu);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces what is overdue for one instance with <paramref name="overdue"/> (empty clears it).</summary>
    public async Task ReplaceOverdueAsync(CycleKey key, IReadOnlyList<OverdueStage> overdue, DateTimeOffset checkedAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM cycle_overdue WHERE organization_code = $1 AND direction = $2 AND period = $3", connection, transaction))
        {
            delete.Parameters.AddWithValue(key.OrganizationCode);
            delete.Parameters.AddWithValue(key.Direction);
            delete.Parameters.AddWithValue(key.Period);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = new NpgsqlCommand(
                         "INSERT INTO cycle_overdue (organization_code, direction, period, stage, missed_due_date, due_count, completed_count, checked_at) " +
                         "SELECT $1, $2, $3, * FROM unnest($4::smallint[], $5::date[], $6::int[], $7::int[]), LATERAL (SELECT $8::timestamptz) t",
                         connection, transaction))
        {
            insert.Parameters.AddWithValue(key.OrganizationCode);
            insert.Parameters.AddWithValue(key.Direction);
            insert.Parameters.AddWithValue(key.Period);
            insert.Parameters.AddWithValue(overdue.Select(o => (short)o.Stage).ToArray());
            insert.Parameters.AddWithValue(overdue.Select(o => o.MissedDueDate).ToArray());
            insert.Parameters.AddWithValue(overdue.Select(o => o.DueCount).ToArray());
            insert.Parameters.AddWithValue(overdue.Select(o => o.CompletedCount).ToArray());
            insert.Parameters.AddWithValue(checkedAt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Overdue stages of these organisations' instances, with when they were last checked.</summary>
    public async Task<List<(OverdueStage Stage, DateTimeOffset CheckedAt)>> OverdueAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT organization_code, direction, period, stage, missed_due_date, due_count, completed_count, checked_at FROM cycle_overdue " +
            "WHERE organization_code = ANY($1) ORDER BY period, direction, organization_code, stage");
        command.Parameters.AddWithValue(codes.ToArray());
        var list = new List<(OverdueStage, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((new OverdueStage(new CycleKey(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)), (CycleStage)reader.GetInt16(3),
                reader.GetFieldValue<DateOnly>(4), reader.GetInt32(5), reader.GetInt32(6)), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return list;
    }
}
