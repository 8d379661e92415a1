using EduQuality.Domain.Security;
using Npgsql;

namespace EduQuality.Storage.Security;

/// <summary>Integration keys (<c>api_key</c>).</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "key_id, name, role, scope, secret_hash, created_at, created_by, expires_at, revoked_at";

    public async Task<StoredKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_key WHERE key_id = $1");
        command.Parameters.AddWithValue(keyId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<List<StoredKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_key ORDER BY created_at DESC, key_id");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task InsertAsync(StoredKey key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO api_key (key_id, name, role, scope, secret_hash, created_at, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.AddWithValue(key.KeyId);
        command.Parameters.AddWithValue(key.Name);
        command.Parameters.AddWithValue((short)key.Role);
        command.Parameters.AddWithValue(key.Scope);
        command.Parameters.AddWithValue(key.SecretHash);
        command.Parameters.AddWithValue(key.CreatedAt);
        command.Parameters.AddWithValue(key.CreatedBy);
        command.Parameters.AddWithValue(key.ExpiresAt is { } expires ? expires : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Revokes a key (keeping the first revocation time) and returns it, or null when unknown.</summary>
    public async Task<StoredKey?> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE key_id = $1 RETURNING {Columns}");
        command.Parameters.AddWithValue(keyId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<StoredKey>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var keys = new List<StoredKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new StoredKey(
                reader.GetString(0),
                reader.GetString(1),
                (Role)reader.GetInt16(2),
                reader.GetString(3),
                reader.GetFieldValue<byte[]>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return keys;
    }
}
