using EduQuality.Api.V1;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Context;
using EduQuality.Grains.Analysis;
using EduQuality.Server.Hierarchy;
using EduQuality.Storage.Context;
using EduQuality.Storage.Organizations;
using Grpc.Core;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;

namespace EduQuality.Server.Context;

/// <summary>
/// Applies one school-context batch the way every context batch is applied, then tells the analyses of the regions and
/// years it changed.
/// </summary>
public sealed class SchoolContextIngestor(
    ContextBatches batches,
    OrganizationStore organizations,
    SchoolContextStore store,
    RegionLocator regions,
    IGrainFactory grains)
{
    public async Task<ContextAck> ApplyAsync(SchoolContextBatch batch, ServerCallContext context)
    {
        var rows = batch.Rows.Select(ToRecord).ToList();
        var ack = await batches.ApplyAsync(new ContextBatchWork(
            batch,
            batch.BatchId,
            "school",
            rows.Count,
            rows.Count == 0 ? 0 : rows.Min(r => r.Year),
            async cancellationToken =>
            {
                var schools = await SchoolsByYearAsync(rows, cancellationToken);
                return SchoolContextValidator.Validate(batch.BatchId, rows, (code, year) => schools.Contains((code, year)));
            },
            cancellationToken => store.UpsertAsync(rows.Select(Resolve).ToList(), batch.BatchId, cancellationToken),
            rows.Select(r => (r.SchoolCode, (object)new { batchId = batch.BatchId, r.Year }))),
            context);
        if (!ack.Duplicate && ack.Inserted + ack.Corrected > 0)
        {
            foreach (var (region, year) in await RegionYearsAsync(rows, context.CancellationToken))
            {
                AnalysisRefresh.NotifyChanged(grains, region, year);
            }
        }

        return ack;
    }

    /// <summary>The domain record of a contract row (also used by eduq import to validate locally).</summary>
    public static SchoolContextRecord ToRecord(SchoolContextRow row) => new(
        row.SchoolCode,
        row.Year,
        new SchoolContextFactors(
            row.ShareOnPreventiveRegister,
            row.ShareMigrantOrLowRussian,
            row.ShareNotCertified,
            row.ShareChronicAbsence,
            row.ShareSpecialNeeds,
            row.Remote,
            row.SmallSchool,
            row.InfrastructureDeficit,
            row.StaffShortage),
        new StudentCounts(
            row.Students,
            row.HasStudentsRegisteredOdnKdn ? row.StudentsRegisteredOdnKdn : null,
            row.HasStudentsMigrantOrLowRussian ? row.StudentsMigrantOrLowRussian : null,
            row.HasStudentsNotAttested ? row.StudentsNotAttested : null,
            row.HasStudentsSystematicAbsence ? row.StudentsSystematicAbsence : null,
            row.HasStudentsLearningDisability ? row.StudentsLearningDisability : null,
            row.HasStudentsIndividualPlan ? row.StudentsIndividualPlan : null));

    /// <summary>A valid row made whole for storage: shares derived from counts and counts from shares (StudentCounts.Resolve).</summary>
    private static SchoolContextEntry Resolve(SchoolContextRecord row)
    {
        var (factors, counts) = row.Counts.Resolve(row.Factors);
        return new SchoolContextEntry(row.SchoolCode, row.Year, factors, counts);
    }

    /// <summary>The (school, year) pairs of the batch that name a registered school on the year's first day.</summary>
    private async Task<HashSet<(string, int)>> SchoolsByYearAsync(List<SchoolContextRecord> rows, CancellationToken cancellationToken)
    {
        var known = new HashSet<(string, int)>();
        foreach (var (year, organizationsOfYear) in await RegisteredOrganizations.ByYearAsync(organizations, rows.Select(r => (r.SchoolCode, r.Year)), cancellationToken))
        {
            known.UnionWith(organizationsOfYear.Values.Where(o => o.Level == OrganizationLevel.School).Select(o => (o.Code, year)));
        }

        return known;
    }

    private async Task<HashSet<(string Region, int Year)>> RegionYearsAsync(List<SchoolContextRecord> rows, CancellationToken cancellationToken)
    {
        var touched = new HashSet<(string, int)>();
        foreach (var (year, schools) in await RegisteredOrganizations.ByYearAsync(organizations, rows.Select(r => (r.SchoolCode, r.Year)), cancellationToken))
        {
            // Schools of one batch are nearly always in a few municipalities: ask once per municipality.
            foreach (var municipality in schools.Values.Select(s => s.ParentCode).Distinct(StringComparer.Ordinal))
            {
                touched.Add((await regions.RegionOfAsync(municipality, year, cancellationToken), year));
            }
        }

        return touched;
    }
}
