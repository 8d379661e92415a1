using EduQuality.Domain.Catalog;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// How one target is judged: whether a rise is an improvement, the smallest change that counts as an effect (from the
/// region's <see cref="EffectThresholds"/>, in the target's own unit) and the kind of monitoring it belongs to (the
/// procedure of a summary metric; for a catalogue indicator its procedures as the catalogue names them, joined by '+').
/// </summary>
public sealed record TargetScale(bool HigherIsBetter, double MinimumChange, string Monitoring)
{
    public static TargetScale Of(TargetIndicator target, IndicatorCatalog catalog, EffectThresholds thresholds)
    {
        if (target.Metric != IndicatorMetric.CatalogueIndicator)
        {
            return new TargetScale(
                target.Metric is IndicatorMetric.MeanScore or IndicatorMetric.ShareHighScorers,
                target.Metric == IndicatorMetric.MeanScore ? thresholds.Score : thresholds.Share,
                target.Procedure.ToString());
        }

        var definition = catalog.Find(target.IndicatorCode)
            ?? throw new InvalidOperationException($"Indicator {target.IndicatorCode} is not in the catalogue.");
        var minimum = definition.Unit switch
        {
            IndicatorUnit.Percent => thresholds.Share * 100,
            IndicatorUnit.Count => thresholds.Count,
            IndicatorUnit.Score => thresholds.Score,
            IndicatorUnit.Coefficient => thresholds.Share,
            _ => 1,
        };
        return new TargetScale(definition.HigherIsBetter, minimum, string.Join("+", definition.Procedures));
    }
}
