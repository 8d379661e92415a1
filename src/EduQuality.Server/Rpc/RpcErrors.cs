using EduQuality.Domain.Validation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EduQuality.Server.Rpc;

/// <summary>Builds RPC errors with google.rpc status details (the "grpc-status-details-bin" trailer).</summary>
public static class RpcErrors
{
    /// <summary>At most this many violations are listed; the message says how many there were.</summary>
    public const int MaxListedViolations = 1000;

    public static RpcException InvalidArgument(string message, IReadOnlyList<Violation> violations)
    {
        var badRequest = new BadRequest();
        foreach (var violation in violations.Take(MaxListedViolations))
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = violation.Field,
                Description = $"{(violation.Row is { } row ? $"row {row}: " : "")}value '{Truncate(violation.Value)}': {violation.Problem}",
            });
        }

        var text = violations.Count > MaxListedViolations
            ? $"{message} ({violations.Count} problems; the first {MaxListedViolations} are listed)"
            : message;
        return WithDetails(StatusCode.InvalidArgument, text, badRequest);
    }

    public static RpcException WithDetails(StatusCode code, string message, IMessage detail)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(detail) } };
        var trailers = new Metadata { { "grpc-status-details-bin", status.ToByteArray() } };
        return new RpcException(new Grpc.Core.Status(code, message), trailers);
    }

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
