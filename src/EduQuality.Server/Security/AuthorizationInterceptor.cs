using EduQuality.Domain.Security;
using EduQuality.Server.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;

namespace EduQuality.Server.Security;

/// <summary>
/// Enforces <see cref="MethodPolicies"/> on every call: unauthenticated → UNAUTHENTICATED; a method without a
/// policy, a role without the permission, or an organisation outside the principal's subtree → PERMISSION_DENIED;
/// too many calls → RESOURCE_EXHAUSTED. Each message of a client stream is checked as it arrives.
/// </summary>
public sealed class AuthorizationInterceptor(ScopeAuthorizer scopes, PrincipalRateLimiter rateLimiter, ILogger<AuthorizationInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var (principal, policy) = await AuthenticateAsync(context);
        if (principal is not null)
        {
            await scopes.EnsureWithinAsync(principal, policy.Target(request), context.CancellationToken);
        }

        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (principal, policy) = await AuthenticateAsync(context);
        var checkedStream = principal is null
            ? requestStream
            : new CheckedStreamReader<TRequest>(requestStream, message => scopes.EnsureWithinAsync(principal, policy.Target(message!), context.CancellationToken));
        return await continuation(checkedStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (principal, policy) = await AuthenticateAsync(context);
        if (principal is not null)
        {
            await scopes.EnsureWithinAsync(principal, policy.Target(request), context.CancellationToken);
        }

        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (principal, policy) = await AuthenticateAsync(context);
        var checkedStream = principal is null
            ? requestStream
            : new CheckedStreamReader<TRequest>(requestStream, message => scopes.EnsureWithinAsync(principal, policy.Target(message!), context.CancellationToken));
        await continuation(checkedStream, responseStream, context);
    }

    /// <summary>The caller and the method's policy; the caller is null only for anonymous methods.</summary>
    private async Task<(Principal? Principal, MethodPolicy Policy)> AuthenticateAsync(ServerCallContext context)
    {
        var policy = MethodPolicies.Find(context.Method);
        if (policy is null)
        {
            logger.LogError("{Method} has no access policy; refused", context.Method);
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"{context.Method} has no access policy."));
        }

        if (policy.IsAnonymous)
        {
            return (null, policy);
        }

        var http = context.GetHttpContext();
        var principal = SecurityClaims.ToPrincipal(http.User);
        if (principal is null)
        {
            // Only on the refusal path: ask the handlers again for the reason, which the middleware does not keep.
            var failure = (await http.AuthenticateAsync()).Failure?.Message;
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                failure is null ? "Credentials are required: an integration key (x-api-key) or a bearer token." : $"Not authenticated: {failure}."));
        }

        if (!RoleRules.Grants(principal.Role, policy.Permission!.Value))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{principal.Id} ({principal.Role}) may not {policy.Permission} ({context.Method})."));
        }

        if (!rateLimiter.TryAcquire(principal))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{principal.Id} exceeded its call rate; retry later."));
        }

        return (principal, policy);
    }
}
