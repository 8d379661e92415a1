using System.Security.Cryptography;
using System.Text;

namespace EduQuality.Server.Security;

/// <summary>
/// The installation administrator's key from configuration, or a random one made at start-up and held only in
/// memory: the way in to issue the first stored keys and users.
/// </summary>
public sealed class BootstrapKey
{
    public BootstrapKey(string configured)
    {
        Value = configured.Length > 0 ? configured : IntegrationKeySecret.New().Secret;
        WasGenerated = configured.Length == 0;
    }

    public string Value { get; }

    public bool WasGenerated { get; }

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(Value)));
}
