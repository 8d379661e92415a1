using EduQuality.Domain.Security;
using EduQuality.Storage.Organizations;
using Grpc.Core;

namespace EduQuality.Server.Security;

/// <summary>Checks that organisations lie in a principal's subtree, following the hierarchy as of a date.</summary>
public sealed class ScopeAuthorizer(OrganizationStore organizations)
{
    public async Task EnsureWithinAsync(Principal principal, ScopeTarget? target, CancellationToken cancellationToken)
    {
        if (target is null || target.Codes.Count == 0 || principal.IsInstallationWide)
        {
            return;
        }

        var outside = await organizations.OutsideSubtreeAsync(principal.Scope, target.Codes, target.AsOf, cancellationToken);
        if (outside.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{principal.Id} ({principal.Role} of {principal.Scope}) may not act on {string.Join(", ", outside.Order(StringComparer.Ordinal).Take(5))}"));
        }
    }

    /// <summary>The items whose organisation lies in the principal's subtree.</summary>
    public async Task<List<T>> FilterAsync<T>(Principal principal, IReadOnlyList<T> items, Func<T, string> code, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (principal.IsInstallationWide || items.Count == 0)
        {
            return [.. items];
        }

        var outside = await organizations.OutsideSubtreeAsync(principal.Scope, items.Select(code).ToList(), asOf, cancellationToken);
        return items.Where(item => !outside.Contains(code(item))).ToList();
    }
}
