using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EduQuality.Server.Rpc;

/// <summary>Applies <see cref="InputGuard"/> to every request message, streamed ones included.</summary>
public sealed class InputGuardInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(Checked(requestStream), context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(Checked(requestStream), responseStream, context);

    private static CheckedStreamReader<T> Checked<T>(IAsyncStreamReader<T> stream) => new(stream, message =>
    {
        Check(message);
        return Task.CompletedTask;
    });

    private static void Check<T>(T message)
    {
        if (message is IMessage protobuf)
        {
            InputGuard.Check(protobuf);
        }
    }
}
