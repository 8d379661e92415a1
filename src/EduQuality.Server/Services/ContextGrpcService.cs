using EduQuality.Api.V1;
using EduQuality.Server.Context;
using Grpc.Core;

namespace EduQuality.Server.Services;

/// <summary>Context data beside the results: school contexts, reported and reference indicator values, teachers, olympiads, career guidance.</summary>
public sealed class ContextGrpcService(SchoolContextIngestor schoolContexts, IndicatorValueIngestor indicatorValues, SchoolActivityIngestor activities)
    : ContextService.ContextServiceBase
{
    public override Task<ContextAck> SubmitSchoolContext(SchoolContextBatch request, ServerCallContext context) =>
        schoolContexts.ApplyAsync(request, context);

    public override Task<ContextAck> SubmitReportedValues(ReportedValueBatch request, ServerCallContext context) =>
        indicatorValues.ApplyReportedAsync(request, context);

    public override Task<ContextAck> SubmitReferenceValues(ReferenceValueBatch request, ServerCallContext context) =>
        indicatorValues.ApplyReferencesAsync(request, context);

    public override Task<ContextAck> SubmitReferenceMeans(ReferenceMeanBatch request, ServerCallContext context) =>
        indicatorValues.ApplyReferenceMeansAsync(request, context);

    public override Task<ContextAck> SubmitTeachers(TeacherBatch request, ServerCallContext context) =>
        activities.ApplyTeachersAsync(request, context);

    public override Task<ContextAck> SubmitOlympiads(OlympiadBatch request, ServerCallContext context) =>
        activities.ApplyOlympiadsAsync(request, context);

    public override Task<ContextAck> SubmitCareerGuidance(CareerGuidanceBatch request, ServerCallContext context) =>
        activities.ApplyCareerGuidanceAsync(request, context);
}
