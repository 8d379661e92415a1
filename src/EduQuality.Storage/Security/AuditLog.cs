using Npgsql;

namespace EduQuality.Storage.Security;

/// <summary>The append-only audit trail (<c>audit_event</c>); the database refuses updates and deletes.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public async Task AppendAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AppendAsync(connection, null, entries, cancellationToken);
    }

    /// <summary>Appends within a caller's transaction, so that an audited change and its record commit together.</summary>
    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO audit_event (principal, source_address, action, organization_code, details) " +
            "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])",
            connection,
            transaction);
        command.Parameters.AddWithValue(entries.Select(e => e.Principal).ToArray());
        command.Parameters.AddWithValue(entries.Select(e => e.SourceAddress).ToArray());
        command.Parameters.AddWithValue(entries.Select(e => e.Action).ToArray());
        command.Parameters.AddWithValue(entries.Select(e => e.OrganizationCode).ToArray());
        command.Parameters.AddWithValue(entries.Select(e => e.DetailsJson).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Events about any of <paramref name="organizationCodes"/> (all when null), after an id, in order.</summary>
    public async Task<List<StoredAuditEntry>> ListAsync(IReadOnlyCollection<string>? organizationCodes, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, at, principal, source_address, action, organization_code, details::text FROM audit_event " +
            "WHERE id > $1 AND ($2::text[] IS NULL OR organization_code = ANY($2)) ORDER BY id LIMIT $3");
        command.Parameters.AddWithValue(afterId);
        command.Parameters.Add(new NpgsqlParameter { Value = organizationCodes?.ToArray() ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(limit);
        var events = new List<StoredAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredAuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                new AuditEntry(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6))));
        }

        return events;
    }
}
