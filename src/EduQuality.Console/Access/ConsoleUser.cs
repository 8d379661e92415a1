using System.Security.Claims;
using EduQuality.Domain.Security;

namespace EduQuality.WebConsole.Access;

/// <summary>The signed-in console user as the session cookie carries them: login, role, scope and bearer token.</summary>
public sealed record ConsoleUser(string Login, Role Role, string Scope, string Token)
{
    public const string LoginClaim = "sub";
    public const string RoleClaim = "eduq_role";
    public const string ScopeClaim = "eduq_scope";
    public const string TokenClaim = "eduq_console_token";

    /// <summary>Scope value that stands for the whole installation.</summary>
    public const string Everything = "*";

    public ClaimsIdentity ToIdentity(string authenticationType) => new(
        [
            new Claim(LoginClaim, Login),
            new Claim(RoleClaim, Role.ToString()),
            new Claim(ScopeClaim, Scope),
            new Claim(TokenClaim, Token),
        ],
        authenticationType,
        LoginClaim,
        RoleClaim);

    /// <summary>The user behind an authenticated console principal, or null.</summary>
    public static ConsoleUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        string? Value(string type) => principal.FindFirst(type)?.Value;
        return Value(LoginClaim) is { } login && Value(ScopeClaim) is { } scope && Value(TokenClaim) is { } token
            && Enum.TryParse<Role>(Value(RoleClaim), out var role)
            ? new ConsoleUser(login, role, scope, token)
            : null;
    }

    /// <summary>Whether <paramref name="code"/> is the organisation the user's subtree starts at (breadcrumbs stop there).</summary>
    public bool IsScope(string code) => string.Equals(Scope, code, StringComparison.Ordinal);
}
