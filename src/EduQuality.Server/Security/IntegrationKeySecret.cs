using System.Security.Cryptography;
using System.Text;

namespace EduQuality.Server.Security;

/// <summary>
/// The form of an integration key: "eqk_{id}.{secret}". The id is public and names the row; only a SHA-256 hash of
/// the 256-bit random secret is stored, so a leaked table does not leak keys.
/// </summary>
public static class IntegrationKeySecret
{
    public const string Header = "x-api-key";
    private const string Prefix = "eqk_";

    public static (string KeyId, string Secret) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}.{secret}");
    }

    /// <summary>Splits a presented key into its id and secret part, or null when it is not of the form.</summary>
    public static (string KeyId, string SecretPart)? Parse(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        return dot > Prefix.Length && dot < presented.Length - 1
            ? (presented[Prefix.Length..dot], presented[(dot + 1)..])
            : null;
    }

    public static byte[] Hash(string secretPart) => SHA256.HashData(Encoding.UTF8.GetBytes(secretPart));

    public static bool Matches(string secretPart, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secretPart), storedHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
