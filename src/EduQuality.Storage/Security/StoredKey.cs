using EduQuality.Domain.Security;

namespace EduQuality.Storage.Security;

/// <summary>An integration key as stored: its secret only as a hash.</summary>
public sealed record StoredKey(
    string KeyId,
    string Name,
    Role Role,
    string Scope,
    byte[] SecretHash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
