using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// The effectiveness of the measures of one direction, reported for a period (отчёт об эффективности принятых мер):
/// the decisions of the previous period's cycles, each target compared with the previous period, grouped per kind
/// of monitoring (procedure), and the decisions with no measurable effect.
/// </summary>
public sealed record EffectivenessReport(string Direction, int Period, IReadOnlyList<DecisionEffect> Decisions)
{
    public IReadOnlyList<DecisionEffect> WithoutEffect => Decisions.Where(d => !d.Measurable).ToList();

    public IReadOnlyDictionary<ProcedureKind, IReadOnlyList<TargetOutcome>> ByProcedure =>
        Decisions.SelectMany(d => d.Targets).GroupBy(t => t.Target.Procedure)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TargetOutcome>)g.ToList());
}
