using EduQuality.Api.V1;
using EduQuality.Server.Ingest;
using EduQuality.Server.Observability;
using Grpc.Core;

namespace EduQuality.Server.Services;

/// <summary>Result ingestion over gRPC: one batch, or a stream of them.</summary>
public sealed class IngestGrpcService(BatchIngestor ingestor, IngestMetrics metrics) : IngestService.IngestServiceBase
{
    public override Task<BatchAck> SubmitBatch(ResultBatch request, ServerCallContext context) =>
        metrics.MeasureAsync(request, () => ingestor.ApplyAsync(request, context));

    public override async Task<UploadSummary> UploadBatches(IAsyncStreamReader<ResultBatch> requestStream, ServerCallContext context)
    {
        var summary = new UploadSummary();
        await foreach (var batch in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var ack = await metrics.MeasureAsync(batch, () => ingestor.ApplyAsync(batch, context));
            summary.Batches.Add(ack);
            summary.Rows += ack.Rows;
        }

        return summary;
    }
}
