using EduQuality.Storage.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace EduQuality.Server.Security;

/// <summary>Registers authentication (integration keys, bearer tokens) and the authorization services.</summary>
public static class SecurityHosting
{
    private const string Scheme = "EduQuality";

    public static void Configure(IServiceCollection services, SecurityOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new BootstrapKey(options.BootstrapKey));
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Auditor>();
        services.AddSingleton<ScopeAuthorizer>();
        services.AddSingleton<PrincipalRateLimiter>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Integration key or bearer token", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(IntegrationKeySecret.Header) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<LocalTokens>((jwt, tokens) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = tokens.ValidationParameters();
        });
    }
}
