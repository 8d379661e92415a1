using System.Collections.Concurrent;
using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.Demo.Tests.Loading;

/// <summary>A context service that records every school-context batch it receives.</summary>
public sealed class FakeContextService : ContextService.ContextServiceBase
{
    public ConcurrentQueue<SchoolContextBatch> SchoolContexts { get; } = new();

    public override Task<ContextAck> SubmitSchoolContext(SchoolContextBatch request, ServerCallContext context)
    {
        SchoolContexts.Enqueue(request);
        return Task.FromResult(new ContextAck { BatchId = request.BatchId, Rows = request.Rows.Count, Inserted = request.Rows.Count });
    }
}
