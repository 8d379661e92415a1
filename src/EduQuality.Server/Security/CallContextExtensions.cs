using EduQuality.Domain.Security;
using Grpc.Core;

namespace EduQuality.Server.Security;

/// <summary>Who is calling and from where, for services and the audit trail.</summary>
public static class CallContextExtensions
{
    /// <summary>The authenticated principal; the authorization interceptor guarantees one on every non-anonymous method.</summary>
    public static Principal Principal(this ServerCallContext context) =>
        SecurityClaims.ToPrincipal(context.GetHttpContext().User)
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Credentials are required."));

    public static string SourceAddress(this ServerCallContext context) =>
        context.GetHttpContext().Connection.RemoteIpAddress?.ToString() ?? context.Peer;
}
