using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;

namespace EduQuality.Server.Rpc;

/// <summary>
/// The one place where failures become statuses: refused input → INVALID_ARGUMENT with details; an unreachable
/// database or silo → UNAVAILABLE, which clients retry with the same batch ids; anything else → INTERNAL, logged.
/// </summary>
public sealed class ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception e, ServerCallContext context)
    {
        if (e is InvalidProtocolBufferException malformed)
        {
            e = InvalidInputException.Single("message", "", $"malformed request message: {malformed.Message}");
        }

        if (e is InvalidInputException invalid)
        {
            logger.LogInformation("{Method}: refused: {Message}; {Violations}", context.Method, invalid.Message, string.Join("; ", invalid.Violations.Take(20)));
            return RpcErrors.InvalidArgument(invalid.Message, invalid.Violations);
        }

        if (e is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled or its deadline passed."));
        }

        if (IsTransient(e))
        {
            logger.LogWarning("{Method}: unavailable: {Error}", context.Method, e.Message);
            return new RpcException(new Status(StatusCode.Unavailable, $"Temporarily unavailable, retry with the same batch id: {e.Message}"));
        }

        logger.LogError(e, "{Method}: failed", context.Method);
        return new RpcException(new Status(StatusCode.Internal, "Internal error; it has been logged."));
    }

    private static bool IsTransient(Exception e) => e switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException => true,
        Orleans.Storage.InconsistentStateException => true,
        OrleansException { InnerException: { } inner } => IsTransient(inner),
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ when e.InnerException is { } inner => IsTransient(inner),
        _ => false,
    };
}
