using EduQuality.Api.V1;
using EduQuality.Server.Context;
using Grpc.Core;

namespace EduQuality.Server.Services;

/// <summary>Context data beside the results: school contexts, reported indicator values and reference values.</summary>
public sealed class ContextGrpcService(SchoolContextIngestor schoolContexts, IndicatorValueIngestor indicatorValues) : ContextService.ContextServiceBase
{
    public override Task<ContextAck> SubmitSchoolContext(SchoolContextBatch request, ServerCallContext context) =>
        schoolContexts.ApplyAsync(request, context);

    public override Task<ContextAck> SubmitReportedValues(ReportedValueBatch request, ServerCallContext context) =>
        indicatorValues.ApplyReportedAsync(request, context);

    public override Task<ContextAck> SubmitReferenceValues(ReferenceValueBatch request, ServerCallContext context) =>
        indicatorValues.ApplyReferencesAsync(request, context);
}
