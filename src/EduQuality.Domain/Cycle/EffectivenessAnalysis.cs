using EduQuality.Domain.Catalog;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// Compares the target indicators of decisions with the previous period (DOMAIN.md §2.2, stage 6). A decision taken in
/// period P−1 is judged by the change of its targets from P−1 to P; a target moved by less than the region's measurable
/// minimum (<see cref="EffectThresholds"/>, or without data) shows no effect, and a decision none of whose targets
/// shows an effect is flagged.
/// </summary>
public static class EffectivenessAnalysis
{
    public static async Task<EffectivenessReport> AnalyzeAsync(string direction, int period, IEnumerable<ManagementDecision> previousPeriodDecisions,
        IIndicatorValues values, IndicatorCatalog catalog, EffectThresholds thresholds, CancellationToken cancellationToken)
    {
        var effects = new List<DecisionEffect>();
        foreach (var decision in previousPeriodDecisions.Where(d => d.Cycle.Direction == direction && d.Cycle.Period == period - 1).OrderBy(d => d.Id))
        {
            var outcomes = new List<TargetOutcome>();
            foreach (var target in decision.Targets)
            {
                var code = decision.Cycle.OrganizationCode;
                var previous = await values.ValueAsync(code, period - 1, target, cancellationToken) ?? target.Baseline;
                var current = await values.ValueAsync(code, period, target, cancellationToken);
                outcomes.Add(new TargetOutcome(decision.Id, code, target, TargetScale.Of(target, catalog, thresholds), previous, current));
            }

            effects.Add(new DecisionEffect(decision, outcomes, outcomes.Any(o => o.Improved)));
        }

        return new EffectivenessReport(direction, period, thresholds, effects);
    }
}
