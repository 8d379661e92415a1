using EduQuality.Api.V1;
using EduQuality.Domain.Context;
using EduQuality.Domain.Validation;
using EduQuality.Storage.Context;
using EduQuality.Storage.Organizations;
using Grpc.Core;
using OlympiadStage = EduQuality.Domain.Context.OlympiadStage;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;

namespace EduQuality.Server.Context;

/// <summary>Applies batches of teachers, olympiad results and career guidance, the way every context batch is applied.</summary>
public sealed class SchoolActivityIngestor(ContextBatches batches, OrganizationStore organizations, SchoolActivityStore store)
{
    public Task<ContextAck> ApplyTeachersAsync(TeacherBatch batch, ServerCallContext context)
    {
        var rows = batch.Rows.Select(ToRecord).ToList();
        return ApplyAsync(batch, batch.BatchId, "teachers", rows, r => (r.SchoolCode, r.Year),
            isSchool => SchoolActivityValidator.ValidateTeachers(batch.BatchId, rows, isSchool),
            cancellationToken => store.UpsertTeachersAsync(rows, batch.BatchId, cancellationToken), context);
    }

    public Task<ContextAck> ApplyOlympiadsAsync(OlympiadBatch batch, ServerCallContext context)
    {
        var rows = batch.Rows.Select(ToRecord).ToList();
        return ApplyAsync(batch, batch.BatchId, "olympiads", rows, r => (r.SchoolCode, r.Year),
            isSchool => SchoolActivityValidator.ValidateOlympiads(batch.BatchId, rows, isSchool),
            cancellationToken => store.UpsertOlympiadsAsync(rows, batch.BatchId, cancellationToken), context);
    }

    public Task<ContextAck> ApplyCareerGuidanceAsync(CareerGuidanceBatch batch, ServerCallContext context)
    {
        var rows = batch.Rows.Select(ToRecord).ToList();
        return ApplyAsync(batch, batch.BatchId, "career", rows, r => (r.SchoolCode, r.Year),
            isSchool => SchoolActivityValidator.ValidateCareerGuidance(batch.BatchId, rows, isSchool),
            cancellationToken => store.UpsertCareerGuidanceAsync(rows, batch.BatchId, cancellationToken), context);
    }

    /// <summary>The domain record of a contract row (also used by eduq import to validate locally).</summary>
    public static TeacherRecord ToRecord(TeacherRow r) => new(r.SchoolCode, r.Year, r.TeacherCode, r.Diagnosed, r.PdByRequest, r.PdRiskStudents,
        r.Retrained, r.CoveredByEvents, r.SupportedRegional, r.SupportedMunicipal, r.DeficitWorkCovered);

    /// <inheritdoc cref="ToRecord(TeacherRow)"/>
    public static OlympiadRecord ToRecord(OlympiadRow r) => new(r.SchoolCode, r.Year, (OlympiadStage)r.Stage, r.Subject, r.Participants, r.Winners, r.PrizeWinners);

    /// <inheritdoc cref="ToRecord(TeacherRow)"/>
    public static CareerGuidanceRecord ToRecord(CareerGuidanceRow r) => new(r.SchoolCode, r.Year, r.Graduates, r.TargetContract, r.ContinuingInPoo,
        r.PriorityProgramme, r.BiletVBudushee, r.PartnerEnterprises);

    private Task<ContextAck> ApplyAsync<T>(
        Google.Protobuf.IMessage batch,
        string batchId,
        string kind,
        List<T> rows,
        Func<T, (string School, int Year)> key,
        Func<Func<string, int, bool>, IReadOnlyList<Violation>> validate,
        Func<CancellationToken, Task<UpsertCounts>> upsert,
        ServerCallContext context) =>
        batches.ApplyAsync(new ContextBatchWork(
            batch,
            batchId,
            kind,
            rows.Count,
            rows.Count == 0 ? 0 : rows.Min(r => key(r).Year),
            async cancellationToken =>
            {
                var known = await RegisteredOrganizations.ByYearAsync(organizations, rows.Select(key), cancellationToken);
                return validate((code, year) => known.GetValueOrDefault(year)?.GetValueOrDefault(code)?.Level == OrganizationLevel.School);
            },
            upsert,
            rows.Select(key).Distinct().Select(k => (k.School, (object)new { batchId, k.Year }))),
            context);
}
