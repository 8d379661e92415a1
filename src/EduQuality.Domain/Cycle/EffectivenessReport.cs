namespace EduQuality.Domain.Cycle;

/// <summary>
/// The effectiveness of the measures of one direction, reported for a period (отчёт об эффективности принятых мер):
/// the decisions of the previous period's cycles, each target compared with the previous period, grouped per kind
/// of monitoring (<see cref="TargetScale.Monitoring"/>), the decisions with no measurable effect, and the thresholds
/// they were judged by.
/// </summary>
public sealed record EffectivenessReport(string Direction, int Period, EffectThresholds Thresholds, IReadOnlyList<DecisionEffect> Decisions)
{
    public IReadOnlyList<DecisionEffect> WithoutEffect => Decisions.Where(d => !d.Measurable).ToList();

    public IReadOnlyDictionary<string, IReadOnlyList<TargetOutcome>> ByMonitoring =>
        Decisions.SelectMany(d => d.Targets).GroupBy(t => t.Scale.Monitoring)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TargetOutcome>)g.ToList());
}
