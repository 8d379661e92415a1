using EduQuality.Api.V1;
using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Context;
using EduQuality.Storage.Context;
using EduQuality.Storage.Organizations;
using Grpc.Core;
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
        var rows = batch.Rows.Select(r => new ReferenceValue(r.IndicatorCode, r.Year, (ReferenceLevel)r.Level, r.Value)).ToList();
        return batches.ApplyAsync(new ContextBatchWork(
            batch,
            batch.BatchId,
            "reference",
            rows.Count,
            rows.Count == 0 ? 0 : rows.Min(r => r.Year),
            _ => Task.FromResult(IndicatorValueValidator.ValidateReferences(batch.BatchId, rows, catalog)),
            cancellationToken => store.UpsertReferencesAsync(rows, batch.BatchId, cancellationToken),
            [("", new { batchId = batch.BatchId, rows = rows.Count })]),
            context);
    }
}
