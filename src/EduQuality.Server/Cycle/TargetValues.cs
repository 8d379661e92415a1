using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Cycle;
using EduQuality.Domain.Summaries;
using EduQuality.Server.Analysis;
using EduQuality.Server.Hierarchy;

namespace EduQuality.Server.Cycle;

/// <summary>
/// The values of decision targets for effectiveness analysis. A catalogue indicator is evaluated as the analysis
/// serves it (<see cref="IndicatorEvaluator.ValueOf"/> over the organisation's pooled measures of the year, read by
/// <see cref="IndicatorDataReader"/>: computed, else reported, else no data). A summary metric is read from the
/// whole-organisation summary of the target's procedure, subject and grade, which the catalogue does not slice by; a
/// slice without participants has no value.
/// </summary>
public sealed class TargetValues(OrganizationDirectory directory, IndicatorDataReader indicatorData, IndicatorCatalog catalog) : IIndicatorValues
{
    public async Task<double?> ValueAsync(string organizationCode, int year, TargetIndicator target, CancellationToken cancellationToken)
    {
        if (target.Metric == IndicatorMetric.CatalogueIndicator)
        {
            var definition = catalog.Find(target.IndicatorCode) ?? throw new InvalidOperationException($"Indicator {target.IndicatorCode} is not in the catalogue.");
            var (series, _, _, _) = await indicatorData.ReadAsync(organizationCode, year, cancellationToken);
            return IndicatorEvaluator.ValueOf(definition, series[^1]).Value;
        }

        var grain = await directory.SummaryGrainAsync(organizationCode, year, cancellationToken);
        var snapshot = await grain.GetSliceAsync(new SliceKey(target.Procedure, target.Subject, target.Grade, ""));
        if (snapshot.Summary is not { IsEmpty: false } summary)
        {
            return null;
        }

        return target.Metric switch
        {
            IndicatorMetric.MeanScore => summary.MeanScore,
            IndicatorMetric.ShareMark2 => summary.ShareMark2,
            IndicatorMetric.ShareBelowMinimum => summary.ShareBelowMinimum,
            IndicatorMetric.ShareHighScorers => summary.ShareHighScorers,
            _ => null,
        };
    }
}
