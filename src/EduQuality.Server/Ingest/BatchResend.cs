using EduQuality.Storage.Ingest;
using Grpc.Core;

namespace EduQuality.Server.Ingest;

/// <summary>Recognises a resent batch by its id, for results and context data alike.</summary>
public static class BatchResend
{
    /// <summary>
    /// The batch applied earlier under this id, when its content is the same (a harmless resend); null for an id not seen
    /// before. Other content under a used id is refused with ALREADY_EXISTS.
    /// </summary>
    public static async Task<AppliedBatch?> FindAsync(BatchRegistry batches, string batchId, byte[] contentHash, CancellationToken cancellationToken)
    {
        if (batchId.Length == 0 || await batches.FindAsync(batchId, cancellationToken) is not { } applied)
        {
            return null;
        }

        return applied.ContentHash.AsSpan().SequenceEqual(contentHash)
            ? applied
            : throw new RpcException(new Status(StatusCode.AlreadyExists,
                $"Batch id '{batchId}' was already applied with different content; choose a new batch id."));
    }
}
