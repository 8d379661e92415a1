using System.Collections.Concurrent;
using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.Demo.Tests.Loading;

/// <summary>
/// An ingest service that acknowledges every batch, remembers what it applied, and fails the first
/// <see cref="FailuresLeft"/> streams with <see cref="FailWith"/> after reading two batches from each.
/// </summary>
public sealed class FakeIngestService : IngestService.IngestServiceBase
{
    private int failuresLeft;

    public StatusCode FailWith { get; init; } = StatusCode.Unavailable;

    public int FailuresLeft
    {
        get => Volatile.Read(ref failuresLeft);
        init => failuresLeft = value;
    }

    /// <summary>Rows per applied batch id.</summary>
    public ConcurrentDictionary<string, int> Applied { get; } = new(StringComparer.Ordinal);

    /// <summary>Every batch id read, repeats included.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public int Streams => Volatile.Read(ref streams);

    private int streams;

    public override async Task<UploadSummary> UploadBatches(IAsyncStreamReader<ResultBatch> requestStream, ServerCallContext context)
    {
        Interlocked.Increment(ref streams);
        var fail = Interlocked.Decrement(ref failuresLeft) >= 0;
        var summary = new UploadSummary();
        var read = 0;
        await foreach (var batch in requestStream.ReadAllAsync(context.CancellationToken))
        {
            Received.Enqueue(batch.BatchId);
            if (fail && ++read == 2)
            {
                throw new RpcException(new Status(FailWith, "planted failure"));
            }

            var duplicate = !Applied.TryAdd(batch.BatchId, batch.Rows.Count);
            summary.Batches.Add(new BatchAck
            {
                BatchId = batch.BatchId,
                Rows = batch.Rows.Count,
                Inserted = duplicate ? 0 : batch.Rows.Count,
                Unchanged = duplicate ? batch.Rows.Count : 0,
                Duplicate = duplicate,
            });
            summary.Rows += batch.Rows.Count;
        }

        return summary;
    }
}
