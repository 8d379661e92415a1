using System.Globalization;
using System.Security.Cryptography;
using EduQuality.Api.V1;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Context;
using EduQuality.Domain.Hierarchy;
using EduQuality.Grains.Analysis;
using EduQuality.Server.Hierarchy;
using EduQuality.Server.Rpc;
using EduQuality.Server.Security;
using EduQuality.Storage.Context;
using EduQuality.Storage.Ingest;
using EduQuality.Storage.Organizations;
using Google.Protobuf;
using Grpc.Core;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;

namespace EduQuality.Server.Context;

/// <summary>
/// Applies one school-context batch: a resend is recognised by its id, the whole batch is validated before anything is
/// stored, rows replace stored rows of the same school and year, and the analyses of the regions touched are told.
/// </summary>
public sealed class SchoolContextIngestor(
    BatchRegistry batches,
    OrganizationStore organizations,
    SchoolContextStore store,
    RegionLocator regions,
    IGrainFactory grains,
    Auditor auditor,
    ILogger<SchoolContextIngestor> logger)
{
    /// <summary>Context batches share the batch registry with results under procedure 0 (docs/adr/0007-context-data.md).</summary>
    private const int ContextProcedure = 0;

    public async Task<ContextAck> ApplyAsync(SchoolContextBatch batch, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var hash = SHA256.HashData(batch.ToByteArray());
        if (batch.BatchId.Length > 0 && await batches.FindAsync(batch.BatchId, cancellationToken) is { } applied)
        {
            if (!applied.ContentHash.AsSpan().SequenceEqual(hash))
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists,
                    $"Batch id '{batch.BatchId}' was already applied with different content; choose a new batch id."));
            }

            return Ack(applied, duplicate: true);
        }

        var rows = batch.Rows.Select(ToRecord).ToList();
        var schools = await SchoolsByYearAsync(rows, cancellationToken);
        var violations = SchoolContextValidator.Validate(batch.BatchId, rows, (code, year) => schools.Contains((code, year)));
        if (violations.Count > 0)
        {
            throw new InvalidInputException(
                string.Create(CultureInfo.InvariantCulture, $"Batch '{batch.BatchId}' refused: {violations.Count} problems; nothing of it was applied"),
                violations);
        }

        var counts = await store.UpsertAsync(rows.Select(r => new SchoolContextEntry(r.SchoolCode, r.Year, r.Factors)).ToList(), batch.BatchId, cancellationToken);
        await auditor.RecordAsync(context, "context.school.ingested", rows.Select(r => (r.SchoolCode, (object)new { batchId = batch.BatchId, r.Year })));
        var result = new AppliedBatch(batch.BatchId, hash, rows.Count, counts.Inserted, counts.Corrected, counts.Unchanged);
        await batches.RecordAsync(result, ContextProcedure, rows.Min(r => r.Year), cancellationToken);
        if (counts.Inserted + counts.Corrected > 0)
        {
            foreach (var (region, year) in await RegionYearsAsync(rows, cancellationToken))
            {
                AnalysisRefresh.NotifyChanged(grains, region, year);
            }
        }

        logger.LogInformation("School context batch {BatchId}: {Rows} rows, {Inserted} new, {Corrected} corrected, {Unchanged} unchanged",
            batch.BatchId, rows.Count, counts.Inserted, counts.Corrected, counts.Unchanged);
        return Ack(result, duplicate: false);
    }

    private static SchoolContextRecord ToRecord(SchoolContextRow row) => new(
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
            row.StaffShortage));

    /// <summary>The (school, year) pairs of the batch that name a registered school on the year's first day.</summary>
    private async Task<HashSet<(string, int)>> SchoolsByYearAsync(List<SchoolContextRecord> rows, CancellationToken cancellationToken)
    {
        var known = new HashSet<(string, int)>();
        foreach (var year in rows.Select(r => r.Year).Where(y => y is >= Domain.Assessment.ResultBatchValidator.FirstYear and <= Domain.Assessment.ResultBatchValidator.LastYear).Distinct())
        {
            var found = await organizations.FindAsync(rows.Where(r => r.Year == year).Select(r => r.SchoolCode).Distinct(StringComparer.Ordinal).ToList(),
                AcademicYear.FirstDay(year), cancellationToken);
            known.UnionWith(found.Values.Where(o => o.Level == OrganizationLevel.School).Select(o => (o.Code, year)));
        }

        return known;
    }

    private async Task<HashSet<(string Region, int Year)>> RegionYearsAsync(List<SchoolContextRecord> rows, CancellationToken cancellationToken)
    {
        var touched = new HashSet<(string, int)>();
        foreach (var group in rows.GroupBy(r => r.Year))
        {
            // Schools of one batch are nearly always in one municipality or region: ask once per municipality.
            var schools = await organizations.FindAsync(group.Select(r => r.SchoolCode).Distinct(StringComparer.Ordinal).ToList(), AcademicYear.FirstDay(group.Key), cancellationToken);
            foreach (var municipality in schools.Values.Select(s => s.ParentCode).Distinct(StringComparer.Ordinal))
            {
                touched.Add((await regions.RegionOfAsync(municipality, group.Key, cancellationToken), group.Key));
            }
        }

        return touched;
    }

    private static ContextAck Ack(AppliedBatch batch, bool duplicate) => new()
    {
        BatchId = batch.BatchId,
        Rows = batch.Rows,
        Inserted = batch.Inserted,
        Corrected = batch.Corrected,
        Unchanged = batch.Unchanged,
        Duplicate = duplicate,
    };
}
