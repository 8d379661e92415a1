using System.Buffers.Binary;
using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace EduQuality.Server.Rpc;

/// <summary>
/// Refuses a unary or server-streaming gRPC request whose single message is not a well-formed protobuf message of
/// the method's request type with INVALID_ARGUMENT. Without it the framework reads the message before any
/// interceptor runs and answers a malformed one with UNKNOWN. Client-streamed messages are read inside the
/// service, where <see cref="ExceptionMappingInterceptor"/> maps the same failure.
/// </summary>
public sealed class MalformedMessageMiddleware(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, MessageParser> Parsers = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
            || ParserOf(method) is not { } parser)
        {
            await next(context);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (Problem(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), parser, context.Request.Headers.ContainsKey("grpc-encoding")) is { } problem)
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"Malformed request message: {problem}");
            return;
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        await next(context);
    }

    private static string? Problem(ReadOnlySpan<byte> body, MessageParser parser, bool compressed)
    {
        if (body.Length < 5)
        {
            return "the gRPC frame is shorter than its 5-byte header";
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(body[1..5]);
        if (length != body.Length - 5)
        {
            return $"the frame declares {length} bytes and carries {body.Length - 5}";
        }

        if (body[0] == 1 && compressed)
        {
            return null;
        }

        if (body[0] != 0)
        {
            return "the frame's compression flag is invalid";
        }

        try
        {
            parser.ParseFrom(body[5..]);
            return null;
        }
        catch (InvalidProtocolBufferException e)
        {
            return e.Message;
        }
    }

    private static MessageParser? ParserOf(IMethod method) =>
        method.GetType() is { IsGenericType: true } type
            ? Parsers.GetOrAdd(type.GetGenericArguments()[0], request => (MessageParser)request.GetProperty("Parser")!.GetValue(null)!)
            : null;
}
