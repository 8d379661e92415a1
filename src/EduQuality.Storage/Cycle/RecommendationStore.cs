using System.Text.Json;
using EduQuality.Domain.Analysis.Recommendations;
using EduQuality.Domain.Cycle;
using Npgsql;
using NpgsqlTypes;
using Addressee = EduQuality.Domain.Cycle.Addressee;
using Recommendation = EduQuality.Domain.Cycle.Recommendation;

namespace EduQuality.Storage.Cycle;

/// <summary>
/// Address recommendations (<c>cycle_recommendation</c>); a create retried with the same request id returns the first,
/// and an analysis recommendation is stored once whatever the request id.
/// </summary>
public sealed class RecommendationStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, issuer_code, direction, period, organization_code, source, addressee, subject, due_date, status, analysis_id, trace::text, withdrawal_reason";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the recommendation unless its request id or analysis id is known; the stored one, and whether it was new.</summary>
    public async Task<(Recommendation Recommendation, bool Created)> CreateAsync(string requestId, Recommendation recommendation, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO cycle_recommendation (request_id, issuer_code, direction, period, organization_code, source, addressee, subject, due_date, status, analysis_id, trace) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING");
        var issuer = recommendation.IssuedBy;
        foreach (var value in new object[] { requestId, issuer.OrganizationCode, issuer.Direction, issuer.Period, recommendation.OrganizationCode,
                     (short)recommendation.Source, (short)recommendation.Addressee, recommendation.Subject, recommendation.DueDate, (short)recommendation.Status,
                     recommendation.AnalysisId })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(recommendation.Trace ?? [], Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        var created = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        var stored = recommendation.AnalysisId.Length > 0
            ? (await QueryAsync("analysis_id = $1", [recommendation.AnalysisId], cancellationToken)).Single()
            : (await QueryAsync("request_id = $1", [requestId], cancellationToken)).Single();
        return (stored, created);
    }

    public async Task<Recommendation?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync("id = $1", [id], cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Recommendations of a direction and period addressed to one of <paramref name="codes"/> or issued by one of them
    /// (so that a school sees the region's recommendations to it, and a region those it issued).
    /// </summary>
    public Task<List<Recommendation>> ListAsync(IReadOnlyCollection<string> codes, string direction, int period, CancellationToken cancellationToken) =>
        QueryAsync("(organization_code = ANY($1) OR issuer_code = ANY($1)) AND direction = $2 AND period = $3", [codes.ToArray(), direction, period], cancellationToken);

    /// <summary>
    /// Moves the status (with the withdrawal reason when withdrawn) if it is still <paramref name="from"/>; false when
    /// another change came first.
    /// </summary>
    public async Task<bool> SetStatusAsync(long id, RecommendationStatus from, RecommendationStatus to, string withdrawalReason, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE cycle_recommendation SET status = $3, withdrawal_reason = $4, updated_at = now() WHERE id = $1 AND status = $2");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue((short)from);
        command.Parameters.AddWithValue((short)to);
        command.Parameters.AddWithValue(withdrawalReason);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Replaces subject, due date and addressee if the recommendation is still issued; false otherwise.</summary>
    public async Task<bool> EditAsync(Recommendation edited, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE cycle_recommendation SET subject = $2, due_date = $3, addressee = $4, updated_at = now() WHERE id = $1 AND status = $5");
        command.Parameters.AddWithValue(edited.Id);
        command.Parameters.AddWithValue(edited.Subject);
        command.Parameters.AddWithValue(edited.DueDate);
        command.Parameters.AddWithValue((short)edited.Addressee);
        command.Parameters.AddWithValue((short)RecommendationStatus.Issued);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<List<Recommendation>> QueryAsync(string where, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM cycle_recommendation WHERE {where} ORDER BY id");
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var list = new List<Recommendation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Recommendation(reader.GetInt64(0), new CycleKey(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)), reader.GetString(4),
                (RecommendationSource)reader.GetInt16(5), (Addressee)reader.GetInt16(6), reader.GetString(7), reader.GetFieldValue<DateOnly>(8),
                (RecommendationStatus)reader.GetInt16(9), reader.GetString(10), JsonSerializer.Deserialize<List<TraceFigure>>(reader.GetString(11), Json),
                reader.GetString(12)));
        }

        return list;
    }
}
