using EduQuality.Api.V1;
using EduQuality.Server.Context;
using Grpc.Core;

namespace EduQuality.Server.Services;

/// <summary>Context data beside the results: school contexts for the ШНОР/ШНСУ identification.</summary>
public sealed class ContextGrpcService(SchoolContextIngestor schoolContexts) : ContextService.ContextServiceBase
{
    public override Task<ContextAck> SubmitSchoolContext(SchoolContextBatch request, ServerCallContext context) =>
        schoolContexts.ApplyAsync(request, context);
}
