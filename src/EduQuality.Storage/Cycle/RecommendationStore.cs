using EduQuality.Domain.Cycle;
using Npgsql;

namespace EduQuality.Storage.Cycle;

/// <summary>Address recommendations (<c>cycle_recommendation</c>); a create retried with the same request id returns the first.</summary>
public sealed class RecommendationStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, issuer_code, direction, period, organization_code, source, addressee, subject, due_date, status";

    public async Task<Recommendation> CreateAsync(string requestId, Recommendation recommendation, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO cycle_recommendation (request_id, issuer_code, direction, period, organization_code, source, addressee, subject, due_date, status) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (request_id) DO NOTHING");
        var issuer = recommendation.IssuedBy;
        foreach (var value in new object[] { requestId, issuer.OrganizationCode, issuer.Direction, issuer.Period, recommendation.OrganizationCode,
                     (short)recommendation.Source, (short)recommendation.Addressee, recommendation.Subject, recommendation.DueDate, (short)recommendation.Status })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await QueryAsync("request_id = $1", [requestId], cancellationToken)).Single();
    }

    public async Task<Recommendation?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync("id = $1", [id], cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Recommendations of a direction and period addressed to one of <paramref name="codes"/> or issued by one of them
    /// (so that a school sees the region's recommendations to it, and a region those it issued).
    /// </summary>
    public Task<List<Recommendation>> ListAsync(IReadOnlyCollection<string> codes, string direction, int period, CancellationToken cancellationToken) =>
        QueryAsync("(organization_code = ANY($1) OR issuer_code = ANY($1)) AND direction = $2 AND period = $3", [codes.ToArray(), direction, period], cancellationToken);

    /// <summary>Moves the status if it is still <paramref name="from"/>; false when another change came first.</summary>
    public async Task<bool> SetStatusAsync(long id, RecommendationStatus from, RecommendationStatus to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE cycle_recommendation SET status = $3, updated_at = now() WHERE id = $1 AND status = $2");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue((short)from);
        command.Parameters.AddWithValue((short)to);
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
                (RecommendationStatus)reader.GetInt16(9)));
        }

        return list;
    }
}
