using System.Text.RegularExpressions;
using EduQuality.Domain.Validation;
using Google.Rpc;
using Grpc.Core;

namespace EduQuality.Cli.Import.Targets;

/// <summary>Reads the google.rpc.BadRequest of an INVALID_ARGUMENT status back into violations by item index.</summary>
public static partial class ServerRefusal
{
    public static ChunkRefusedException From(string batchId, RpcException e)
    {
        var violations = new List<Violation>();
        var details = e.Trailers.GetValueBytes("grpc-status-details-bin");
        if (details is not null)
        {
            foreach (var any in Google.Rpc.Status.Parser.ParseFrom(details).Details.Where(d => d.Is(BadRequest.Descriptor)))
            {
                foreach (var field in any.Unpack<BadRequest>().FieldViolations)
                {
                    var index = ItemIndex().Match(field.Field);
                    // The server writes "row N: value 'V': problem" (RpcErrors).
                    var described = Description().Match(field.Description);
                    violations.Add(new Violation(index.Success ? int.Parse(index.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
                        field.Field,
                        described.Success ? described.Groups[1].Value : "",
                        described.Success ? described.Groups[2].Value : field.Description));
                }
            }
        }

        return new ChunkRefusedException(batchId, e.Status.Detail, violations);
    }

    /// <summary>
    /// Sends chunks one call each, in order, and returns their acknowledgements; a chunk the server refuses
    /// (INVALID_ARGUMENT) raises <see cref="ChunkRefusedException"/> with its violations.
    /// </summary>
    public static async Task<IReadOnlyList<ChunkAck>> SendEachAsync<TItem>(IReadOnlyList<ImportChunk<TItem>> chunks, Func<ImportChunk<TItem>, Task<ChunkAck>> send)
    {
        var acks = new List<ChunkAck>();
        foreach (var chunk in chunks)
        {
            try
            {
                acks.Add(await send(chunk));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
            {
                throw From(chunk.BatchId, e);
            }
        }

        return acks;
    }

    /// <summary>Whether a failed call may be repeated: the server was unreachable or busy (a resend is harmless).</summary>
    public static bool IsTransient(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted;

    [GeneratedRegex(@"^\w+\[(\d+)\]")]
    private static partial Regex ItemIndex();

    [GeneratedRegex(@"^(?:row \d+: )?value '(.*?)': (.*)$", RegexOptions.Singleline)]
    private static partial Regex Description();
}
