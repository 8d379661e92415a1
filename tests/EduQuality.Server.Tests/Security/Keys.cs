using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;

namespace EduQuality.Server.Tests.Security;

/// <summary>Issues integration keys through the admin API, as an administrator would.</summary>
public static class Keys
{
    public static async Task<string> IssueAsync(RunningServer server, Role role, string scope, string? expiresAt = null)
    {
        var admin = new AdminService.AdminServiceClient(server.Channel);
        var response = await admin.IssueKeyAsync(new IssueKeyRequest { Name = $"{role} {scope}", Role = role, Scope = scope, ExpiresAt = expiresAt ?? "" });
        return response.Secret;
    }
}
