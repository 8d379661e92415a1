using System.Security.Claims;
using EduQuality.Domain.Security;

namespace EduQuality.Server.Security;

/// <summary>The claims that carry a principal's role and scope, in tokens and in authenticated users alike.</summary>
public static class SecurityClaims
{
    public const string Subject = "sub";
    public const string Role = "eduq_role";
    public const string Scope = "eduq_scope";

    public static ClaimsIdentity Identity(Principal principal, string authenticationType) => new(
        [
            new Claim(Subject, principal.Id),
            new Claim(Role, principal.Role.ToString()),
            new Claim(Scope, principal.Scope),
        ],
        authenticationType,
        Subject,
        Role);

    /// <summary>The principal of an authenticated user, or null when unauthenticated or the claims are incomplete.</summary>
    public static Principal? ToPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = user.FindFirst(Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var scope = user.FindFirst(Scope)?.Value;
        return subject is not null && scope is not null
            && Enum.TryParse<Domain.Security.Role>(user.FindFirst(Role)?.Value, ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? new Principal(subject, role, scope)
            : null;
    }
}
