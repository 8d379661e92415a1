using System.Security.Cryptography;
using Npgsql;

namespace EduQuality.Storage.Security;

/// <summary>Installation-wide secrets (<c>security_setting</c>), created once and shared by every silo.</summary>
public sealed class SecretStore(NpgsqlDataSource dataSource)
{
    /// <summary>The named secret, created with <paramref name="length"/> random bytes the first time it is asked for.</summary>
    public async Task<byte[]> GetOrCreateAsync(string name, int length, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "WITH created AS (INSERT INTO security_setting (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value) " +
            "SELECT value FROM created UNION ALL SELECT value FROM security_setting WHERE name = $1 LIMIT 1");
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(RandomNumberGenerator.GetBytes(length));
        return (byte[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
