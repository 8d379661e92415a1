using System.Text.Json;
using EduQuality.Domain.Cycle;
using Npgsql;
using NpgsqlTypes;

namespace EduQuality.Storage.Cycle;

/// <summary>Management decisions with their targets (<c>cycle_decision</c>); a create retried with the same request id returns the first.</summary>
public sealed class DecisionStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ManagementDecision> CreateAsync(string requestId, ManagementDecision decision, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO cycle_decision (request_id, organization_code, direction, period, type, title, decision_date, answers, targets) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (request_id) DO NOTHING");
        var key = decision.Cycle;
        foreach (var value in new object[] { requestId, key.OrganizationCode, key.Direction, key.Period, (short)decision.Type, decision.Title, decision.Date, decision.Answers.ToArray() })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(decision.Targets, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await QueryAsync("request_id = $1", [requestId], cancellationToken)).Single();
    }

    public async Task<ManagementDecision?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync("id = $1", [id], cancellationToken)).SingleOrDefault();

    /// <summary>Replaces type, title, date, answers and targets of the decision with <paramref name="amended"/>'s id and marks it amended.</summary>
    public async Task<ManagementDecision> AmendAsync(ManagementDecision amended, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE cycle_decision SET type = $2, title = $3, decision_date = $4, answers = $5, targets = $6, amended_at = now() WHERE id = $1");
        foreach (var value in new object[] { amended.Id, (short)amended.Type, amended.Title, amended.Date, amended.Answers.ToArray() })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(amended.Targets, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await GetAsync(amended.Id, cancellationToken))!;
    }

    /// <summary>Decisions of these organisations in a direction and period.</summary>
    public Task<List<ManagementDecision>> ListAsync(IReadOnlyCollection<string> codes, string direction, int period, CancellationToken cancellationToken) =>
        QueryAsync("organization_code = ANY($1) AND direction = $2 AND period = $3", [codes.ToArray(), direction, period], cancellationToken);

    private async Task<List<ManagementDecision>> QueryAsync(string where, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT id, organization_code, direction, period, type, title, decision_date, answers, targets::text FROM cycle_decision WHERE {where} ORDER BY id");
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var list = new List<ManagementDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ManagementDecision(reader.GetInt64(0), new CycleKey(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)),
                (DecisionType)reader.GetInt16(4), reader.GetString(5), reader.GetFieldValue<DateOnly>(6), reader.GetFieldValue<long[]>(7),
                JsonSerializer.Deserialize<List<TargetIndicator>>(reader.GetString(8), Json) ?? []));
        }

        return list;
    }
}
