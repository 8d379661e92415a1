using System.Globalization;
using System.Security.Cryptography;
using EduQuality.Api.V1;
using EduQuality.Contracts;
using EduQuality.Contracts.Results;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Validation;
using EduQuality.Server.Mapping;
using EduQuality.Server.Rpc;
using EduQuality.Server.Security;
using EduQuality.Storage.Ingest;
using EduQuality.Storage.Organizations;
using EduQuality.Storage.Results;
using Google.Protobuf;
using Grpc.Core;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;

namespace EduQuality.Server.Ingest;

/// <summary>
/// Applies one result batch: recognises a resend by its id, validates every row before anything is applied, and
/// hands each school its rows in a single grain call.
/// </summary>
public sealed class BatchIngestor(
    BatchRegistry batches,
    OrganizationStore organizations,
    ResultStore results,
    IGrainFactory grains,
    Auditor auditor,
    ILogger<BatchIngestor> logger)
{
    public async Task<BatchAck> ApplyAsync(ResultBatch batch, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var hash = SHA256.HashData(batch.ToByteArray());
        if (await BatchResend.FindAsync(batches, batch.BatchId, hash, cancellationToken) is { } applied)
        {
            return Ack(applied, duplicate: true);
        }

        var procedure = (ProcedureKind)batch.Procedure;
        var rows = ResultRowMapper.ToRecords(batch);
        await ValidateAsync(batch, procedure, rows, cancellationToken);

        CallerContext.Set(context.Principal().Id, context.SourceAddress());
        var schools = rows.GroupBy(r => r.SchoolCode, StringComparer.Ordinal).ToList();
        var perSchool = await Task.WhenAll(schools.Select(group =>
            grains.GetGrain<ISchoolYearGrain>(GrainKeys.ForYear(batch.Year, group.Key)).IngestAsync(batch.BatchId, group.ToList())));
        await auditor.RecordAsync(context, "batch.ingested", schools.Zip(perSchool, (group, result) => (group.Key, (object)new
        {
            batchId = batch.BatchId,
            procedure = procedure.ToString(),
            year = batch.Year,
            rows = group.Count(),
            result.Inserted,
            result.Corrected,
            result.Unchanged,
        })));

        var result = new AppliedBatch(batch.BatchId, hash, rows.Count, perSchool.Sum(r => r.Inserted), perSchool.Sum(r => r.Corrected), perSchool.Sum(r => r.Unchanged));
        await batches.RecordAsync(result, (int)procedure, batch.Year, cancellationToken);
        logger.LogInformation(
            "Batch {BatchId}: {Procedure} {Year}, {Rows} rows for {Schools} schools: {Inserted} new, {Corrected} corrected, {Unchanged} unchanged",
            batch.BatchId, procedure, batch.Year, rows.Count, perSchool.Length, result.Inserted, result.Corrected, result.Unchanged);
        return Ack(result, duplicate: false);
    }

    private async Task ValidateAsync(ResultBatch batch, ProcedureKind procedure, List<ResultRecord> rows, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.SchoolCode).Distinct(StringComparer.Ordinal).ToList();
        var known = Enum.IsDefined(procedure) && batch.Year is >= ResultBatchValidator.FirstYear and <= ResultBatchValidator.LastYear
            ? await organizations.FindAsync(codes, AcademicYear.FirstDay(batch.Year), cancellationToken)
            : [];
        var violations = ResultBatchValidator.Validate(
            batch.BatchId, procedure, batch.Year, rows, code => known.GetValueOrDefault(code) is { Level: OrganizationLevel.School }).ToList();
        if (violations.Count == 0)
        {
            foreach (var (row, storedSchool) in await results.FindHeldByOtherSchoolsAsync(procedure, batch.Year, rows, cancellationToken))
            {
                violations.Add(new Violation(row, $"rows[{row}].school_code", rows[row].SchoolCode,
                    $"this participant's {rows[row].Subject} grade {rows[row].Grade} result is registered at school {storedSchool}; a result does not move between schools"));
            }
        }

        if (violations.Count > 0)
        {
            throw new InvalidInputException(
                string.Create(CultureInfo.InvariantCulture, $"Batch '{batch.BatchId}' refused: {violations.Count} problems; nothing of it was applied"),
                violations);
        }
    }

    private static BatchAck Ack(AppliedBatch batch, bool duplicate) => new()
    {
        BatchId = batch.BatchId,
        Rows = batch.Rows,
        Inserted = batch.Inserted,
        Corrected = batch.Corrected,
        Unchanged = batch.Unchanged,
        Duplicate = duplicate,
    };
}
