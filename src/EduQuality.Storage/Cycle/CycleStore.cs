using EduQuality.Domain.Cycle;
using Npgsql;

namespace EduQuality.Storage.Cycle;

/// <summary>Cycle instances with their evidence and transition history (<c>cycle_instance</c>, <c>cycle_evidence</c>, <c>cycle_transition</c>).</summary>
public sealed class CycleStore(NpgsqlDataSource dataSource)
{
    private const string InstanceColumns = "organization_code, direction, period, stage, wave";

    /// <summary>The instance, or null when it was never started.</summary>
    public async Task<CycleInstance?> LoadAsync(CycleKey key, CancellationToken cancellationToken) =>
        (await LoadManyAsync([key.OrganizationCode], key.Direction, key.Period, cancellationToken)).GetValueOrDefault(key.OrganizationCode);

    /// <summary>The instances of these organisations for one direction and period, by organisation code.</summary>
    public async Task<Dictionary<string, CycleInstance>> LoadManyAsync(IReadOnlyCollection<string> codes, string direction, int period, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        const string Where = "WHERE organization_code = ANY($1) AND direction = $2 AND period = $3";
        foreach (var sql in new[]
                 {
                     $"SELECT {InstanceColumns} FROM cycle_instance {Where}",
                     $"SELECT organization_code, stage, type, title, number, document_date, url, wave FROM cycle_evidence {Where} ORDER BY id",
                     $"SELECT organization_code, from_stage, to_stage, kind, wave, at, actor FROM cycle_transition {Where} ORDER BY id",
                 })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = codes.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = direction });
            command.Parameters.Add(new NpgsqlParameter { Value = period });
            batch.BatchCommands.Add(command);
        }

        var rows = new List<(string Code, CycleStage Stage, int Wave)>();
        var evidence = new List<(string Code, CycleEvidence Evidence)>();
        var history = new List<(string Code, CycleTransition Transition)>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), (CycleStage)reader.GetInt16(3), reader.GetInt32(4)));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            evidence.Add((reader.GetString(0), new CycleEvidence((CycleStage)reader.GetInt16(1), (EvidenceType)reader.GetInt16(2), reader.GetString(3),
                reader.GetString(4), reader.GetFieldValue<DateOnly>(5), reader.GetString(6), reader.GetInt32(7))));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add((reader.GetString(0), new CycleTransition((CycleStage)reader.GetInt16(1), (CycleStage)reader.GetInt16(2), (TransitionKind)reader.GetInt16(3),
                reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6))));
        }

        return rows.ToDictionary(
            r => r.Code,
            r => new CycleInstance(new CycleKey(r.Code, direction, period), r.Stage, r.Wave,
                evidence.Where(e => e.Code == r.Code).Select(e => e.Evidence).ToList(),
                history.Where(h => h.Code == r.Code).Select(h => h.Transition).ToList()),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Records a transition made on <paramref name="instance"/> and, for the loop into the next period, the next
    /// period's instance with its opening transition: all in one transaction.
    /// </summary>
    public async Task SaveTransitionAsync(CycleInstance instance, CycleTransition transition, CycleInstance? next, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpsertAsync(connection, transaction, instance, cancellationToken);
        await InsertTransitionAsync(connection, transaction, instance.Key, transition, cancellationToken);
        if (next is not null)
        {
            await UpsertAsync(connection, transaction, next, cancellationToken);
            await InsertTransitionAsync(connection, transaction, next.Key, next.History[^1], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records evidence; the same document recorded again for the same stage and wave is ignored.</summary>
    public async Task AddEvidenceAsync(CycleInstance instance, CycleEvidence evidence, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpsertAsync(connection, transaction, instance, cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO cycle_evidence (organization_code, direction, period, stage, type, title, number, document_date, url, wave, recorded_by) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING", connection, transaction);
        var key = instance.Key;
        foreach (var value in new object[] { key.OrganizationCode, key.Direction, key.Period, (short)evidence.Stage, (short)evidence.Type, evidence.Title, evidence.Number, evidence.Date, evidence.Url, evidence.Wave, actor })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CycleInstance instance, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO cycle_instance ({InstanceColumns}) VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (organization_code, direction, period) DO UPDATE SET stage = EXCLUDED.stage, wave = EXCLUDED.wave, updated_at = now()",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = instance.Key.OrganizationCode });
        command.Parameters.Add(new NpgsqlParameter { Value = instance.Key.Direction });
        command.Parameters.Add(new NpgsqlParameter { Value = instance.Key.Period });
        command.Parameters.Add(new NpgsqlParameter { Value = (short)instance.Stage });
        command.Parameters.Add(new NpgsqlParameter { Value = instance.Wave });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertTransitionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CycleKey key, CycleTransition transition, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO cycle_transition (organization_code, direction, period, from_stage, to_stage, kind, wave, at, actor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            connection, transaction);
        foreach (var value in new object[] { key.OrganizationCode, key.Direction, key.Period, (short)transition.From, (short)transition.To, (short)transition.Kind, transition.Wave, transition.At, transition.Actor })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
