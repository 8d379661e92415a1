using System.Security.Cryptography;
using EduQuality.Domain.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EduQuality.Server.Security;

/// <summary>
/// Bearer tokens for local users, signed with an installation-wide key kept in the database so that every silo
/// accepts them; and the validation rules shared with the region's identity provider.
/// </summary>
public sealed class LocalTokens(byte[] signingKey, SecurityOptions options, TimeProvider time)
{
    public const string Issuer = "eduquality-local";
    public const string Audience = "eduquality";

    private readonly SymmetricSecurityKey _key = new(signingKey);

    public (string Token, DateTimeOffset ExpiresAt) Issue(Principal principal)
    {
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.LocalTokenMinutes);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = SecurityClaims.Identity(principal, Issuer),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>Accepts local tokens and, when configured, the identity provider's, by issuer, audience and signing key.</summary>
    public TokenValidationParameters ValidationParameters()
    {
        var issuers = new List<string> { Issuer };
        var keys = new List<SecurityKey> { _key };
        if (options.JwtIssuer.Length > 0)
        {
            issuers.Add(options.JwtIssuer);
            keys.AddRange(options.JwtSigningKeys.Select(ParseKey));
        }

        return new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudiences = [Audience, options.JwtAudience],
            IssuerSigningKeys = keys,
            NameClaimType = SecurityClaims.Subject,
            RoleClaimType = SecurityClaims.Role,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
    }

    private static SecurityKey ParseKey(string text)
    {
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(text));
        }

        if (text.Contains("EC ", StringComparison.Ordinal))
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(text);
            return new ECDsaSecurityKey(ec);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(text);
        return new RsaSecurityKey(rsa);
    }
}
