using EduQuality.Domain.Security;
using Npgsql;

namespace EduQuality.Storage.Security;

/// <summary>Local users (<c>app_user</c>) for a region without an identity provider.</summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    /// <summary>Creates a user; false when the login is taken.</summary>
    public async Task<bool> CreateAsync(string login, string passwordHash, Role role, string scope, string createdBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO app_user (login, password_hash, role, scope, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (login) DO NOTHING");
        command.Parameters.AddWithValue(login);
        command.Parameters.AddWithValue(passwordHash);
        command.Parameters.AddWithValue((short)role);
        command.Parameters.AddWithValue(scope);
        command.Parameters.AddWithValue(createdBy);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>An enabled user's password hash, role and scope, or null.</summary>
    public async Task<(string PasswordHash, Role Role, string Scope)?> FindEnabledAsync(string login, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT password_hash, role, scope FROM app_user WHERE login = $1 AND disabled_at IS NULL");
        command.Parameters.AddWithValue(login);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), (Role)reader.GetInt16(1), reader.GetString(2)) : null;
    }
}
