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

    /// <summary>Whether a failed call may be repeated: the server was unreachable or busy (a resend is harmless).</summary>
    public static bool IsTransient(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted;

    [GeneratedRegex(@"^\w+\[(\d+)\]")]
    private static partial Regex ItemIndex();

    [GeneratedRegex(@"^(?:row \d+: )?value '(.*?)': (.*)$", RegexOptions.Singleline)]
    private static partial Regex Description();
}
