using EduQuality.Api.V1;
using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Context;
using EduQuality.Storage.Context;
using EduQuality.Storage.Organizations;
using Grpc.Core;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;
using ProcedureKind = EduQuality.Domain.Assessment.ProcedureKind;
using ReferenceLevel = EduQuality.Domain.Analysis.Indicators.ReferenceLevel;

namespace EduQuality.Server.Context;

/// <summary>Applies batches of reported indicator values and of reference values, the way every context batch is applied.</summary>
public sealed class IndicatorValueIngestor(ContextBatches batches, OrganizationStore organizations, IndicatorValueStore store, IndicatorCatalog catalog)
{
    public Task<ContextAck> ApplyReportedAsync(ReportedValueBatch batch, ServerCallContext context)
    {
        var rows = batch.Rows.Select(ToRecord).ToList();
        return batches.ApplyAsync(new ContextBatchWork(
            batch,
            batch.BatchId,
            "reported",
            rows.Count,
            rows.Count == 0 ? 0 : rows.Min(r => r.Year),
            async cancellationToken =>
            {
                var known = await RegisteredOrganizations.ByYearAsync(organizations, rows.Select(r => (r.OrganizationCode, r.Year)), cancellationToken);
                return IndicatorValueValidator.ValidateReported(batch.BatchId, rows, catalog,
                    (code, year) => known.GetValueOrDefault(year)?.ContainsKey(code) == true);
            },
            cancellationToken => store.UpsertReportedAsync(rows, batch.BatchId, cancellationToken),
            rows.Select(r => (r.OrganizationCode, (object)new { batchId = batch.BatchId, r.Year, indicator = r.IndicatorCode }))),
            context);
    }

    /// <summary>The domain value of a contract row (also used by eduq import to validate locally).</summary>
    public static ReportedValue ToRecord(ReportedValueRow r) => new(r.OrganizationCode, r.Year, r.IndicatorCode, r.Value);

    public Task<ContextAck> ApplyReferencesAsync(ReferenceValueBatch batch, ServerCallContext context)
    {
        var rows = batch.Rows.Select(r => new ReferenceValue(r.IndicatorCode, r.Year, (ReferenceLevel)r.Level, r.Value, r.RegionCode)).ToList();
        return batches.ApplyAsync(new ContextBatchWork(
            batch,
            batch.BatchId,
            "reference",
            rows.Count,
            rows.Count == 0 ? 0 : rows.Min(r => r.Year),
            async cancellationToken =>
            {
                var isRegion = await RegionsAsync(rows.Select(r => (r.RegionCode, r.Year)), cancellationToken);
                return IndicatorValueValidator.ValidateReferences(batch.BatchId, rows, catalog, isRegion);
            },
            cancellationToken => store.UpsertReferencesAsync(rows, batch.BatchId, cancellationToken),
            Audit(batch.BatchId, rows.Select(r => r.RegionCode))),
            context);
    }

    public Task<ContextAck> ApplyReferenceMeansAsync(ReferenceMeanBatch batch, ServerCallContext context)
    {
        var rows = batch.Rows.Select(r => new ReferenceMean(r.RegionCode, r.Year, (ProcedureKind)r.Procedure, r.Subject, r.Grade, (ReferenceLevel)r.Level, r.MeanScore)).ToList();
        return batches.ApplyAsync(new ContextBatchWork(
            batch,
            batch.BatchId,
            "reference-mean",
            rows.Count,
            rows.Count == 0 ? 0 : rows.Min(r => r.Year),
            async cancellationToken =>
            {
                var isRegion = await RegionsAsync(rows.Select(r => (r.RegionCode, r.Year)), cancellationToken);
                return IndicatorValueValidator.ValidateReferenceMeans(batch.BatchId, rows, isRegion);
            },
            cancellationToken => store.UpsertReferenceMeansAsync(rows, batch.BatchId, cancellationToken),
            Audit(batch.BatchId, rows.Select(r => r.RegionCode))),
            context);
    }

    /// <summary>Whether a code names a region registered in a year, for the regions a reference batch names.</summary>
    private async Task<Func<string, int, bool>> RegionsAsync(IEnumerable<(string Code, int Year)> keys, CancellationToken cancellationToken)
    {
        var known = await RegisteredOrganizations.ByYearAsync(organizations, keys.Where(k => k.Code.Length > 0), cancellationToken);
        return (code, year) => known.GetValueOrDefault(year)?.GetValueOrDefault(code)?.Level == OrganizationLevel.Region;
    }

    /// <summary>One audit entry per region a reference batch writes for ("" for the installation-wide values).</summary>
    private static IEnumerable<(string OrganizationCode, object Details)> Audit(string batchId, IEnumerable<string> regions) =>
        regions.Distinct(StringComparer.Ordinal).Select(region => (region, (object)new { batchId })).ToList();
}
