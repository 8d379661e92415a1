using Google.Rpc;
using Grpc.Core;

namespace EduQuality.Server.Tests.Analysis;

/// <summary>The google.rpc.BadRequest an INVALID_ARGUMENT carries in its status details.</summary>
internal static class BadRequestDetails
{
    public static BadRequest Of(RpcException error) =>
        Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes("grpc-status-details-bin")).Details.Single().Unpack<BadRequest>();

    /// <summary>The fields named, in order.</summary>
    public static List<string> Fields(RpcException error) => Of(error).FieldViolations.Select(v => v.Field).ToList();
}
