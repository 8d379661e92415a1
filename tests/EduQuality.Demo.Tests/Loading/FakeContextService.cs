using System.Collections.Concurrent;
using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.Demo.Tests.Loading;

/// <summary>A context service that records every batch it receives.</summary>
public sealed class FakeContextService : ContextService.ContextServiceBase
{
    public ConcurrentQueue<SchoolContextBatch> SchoolContexts { get; } = new();

    public ConcurrentQueue<Google.Protobuf.IMessage> Activities { get; } = new();

    public override Task<ContextAck> SubmitSchoolContext(SchoolContextBatch request, ServerCallContext context)
    {
        SchoolContexts.Enqueue(request);
        return Task.FromResult(new ContextAck { BatchId = request.BatchId, Rows = request.Rows.Count, Inserted = request.Rows.Count });
    }

    public override Task<ContextAck> SubmitTeachers(TeacherBatch request, ServerCallContext context) => Record(request, request.BatchId, request.Rows.Count);

    public override Task<ContextAck> SubmitOlympiads(OlympiadBatch request, ServerCallContext context) => Record(request, request.BatchId, request.Rows.Count);

    public override Task<ContextAck> SubmitCareerGuidance(CareerGuidanceBatch request, ServerCallContext context) => Record(request, request.BatchId, request.Rows.Count);

    private Task<ContextAck> Record(Google.Protobuf.IMessage batch, string batchId, int rows)
    {
        Activities.Enqueue(batch);
        return Task.FromResult(new ContextAck { BatchId = batchId, Rows = rows, Inserted = rows });
    }
}
