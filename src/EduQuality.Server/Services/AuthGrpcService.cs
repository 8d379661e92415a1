using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Domain.Security;
using EduQuality.Server.Security;
using EduQuality.Storage.Security;
using Grpc.Core;

namespace EduQuality.Server.Services;

/// <summary>Sign-in of local users: login and password for a bearer token.</summary>
public sealed class AuthGrpcService(UserStore users, LocalTokens tokens, AuditLog audit) : AuthService.AuthServiceBase
{
    public override async Task<SignInResponse> SignIn(SignInRequest request, ServerCallContext context)
    {
        var user = await users.FindEnabledAsync(request.Login, context.CancellationToken);
        if (user is not { } found || !PasswordHashing.Verify(request.Password, found.PasswordHash))
        {
            await audit.AppendAsync([new AuditEntry(request.Login, context.SourceAddress(), "user.sign-in-failed", Principal.Everything, "{}")], CancellationToken.None);
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Wrong login or password."));
        }

        var (token, expires) = tokens.Issue(new Principal(request.Login, found.Role, found.Scope));
        return new SignInResponse { AccessToken = token, ExpiresAt = expires.ToString("O", CultureInfo.InvariantCulture) };
    }
}
