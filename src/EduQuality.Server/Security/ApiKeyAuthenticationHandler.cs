using System.Text.Encodings.Web;
using EduQuality.Domain.Security;
using EduQuality.Storage.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EduQuality.Server.Security;

/// <summary>
/// Authenticates regional information systems by the integration key in the "x-api-key" header (gRPC metadata).
/// Revocation and expiry take effect at once: every call reads the key's row.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore keys,
    BootstrapKey bootstrap,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "IntegrationKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(IntegrationKeySecret.Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString();
        if (bootstrap.Matches(presented))
        {
            return Success(new Principal("bootstrap-administrator", Role.RegionAdministrator, Principal.Everything));
        }

        if (IntegrationKeySecret.Parse(presented) is not var (keyId, secretPart))
        {
            return AuthenticateResult.Fail("the integration key is malformed");
        }

        var key = await keys.FindAsync(keyId, Context.RequestAborted);
        if (key is null || !IntegrationKeySecret.Matches(secretPart, key.SecretHash))
        {
            return AuthenticateResult.Fail("the integration key is not known");
        }

        if (key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail($"integration key {keyId} was revoked");
        }

        return key.IsActiveAt(time.GetUtcNow())
            ? Success(new Principal(key.KeyId, key.Role, key.Scope))
            : AuthenticateResult.Fail($"integration key {keyId} expired");
    }

    private static AuthenticateResult Success(Principal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(new(SecurityClaims.Identity(principal, SchemeName)), SchemeName));
}
