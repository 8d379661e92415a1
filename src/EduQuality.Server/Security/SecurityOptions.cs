namespace EduQuality.Server.Security;

/// <summary>Security settings, section "EduQuality:Security" (docs/security.md).</summary>
public sealed class SecurityOptions
{
    public const string Section = "EduQuality:Security";

    /// <summary>
    /// An installation-wide administrator key accepted without a database row, for the first key to be issued
    /// with. When empty, a random one is made at start-up, printed once, and held only in memory.
    /// </summary>
    public string BootstrapKey { get; set; } = "";

    /// <summary>The region's identity provider: issuer of accepted bearer tokens; empty to accept only local ones.</summary>
    public string JwtIssuer { get; set; } = "";

    /// <summary>Audience the identity provider's tokens must carry.</summary>
    public string JwtAudience { get; set; } = "eduquality";

    /// <summary>The identity provider's signing keys: base64 symmetric keys or PEM RSA/EC public keys.</summary>
    public List<string> JwtSigningKeys { get; set; } = [];

    /// <summary>How long a token from SignIn (local users) is valid.</summary>
    public int LocalTokenMinutes { get; set; } = 480;

    /// <summary>Calls per second each principal may make (burst: twice that); more get RESOURCE_EXHAUSTED.</summary>
    public int RequestsPerSecond { get; set; } = 500;

    /// <summary>PFX or PEM certificate for HTTPS/TLS listeners (HTTP/2 over TLS with ALPN); empty for plain h2c.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>Password of the PFX, or path of the PEM private key.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>Allow plain (unencrypted) listeners on an address other than loopback.</summary>
    public bool AllowInsecureNonLoopback { get; set; }
}
