namespace EduQuality.Domain.Cycle;

/// <summary>
/// One document a stage needs before it counts as complete. <see cref="PerWave"/>: a fresh one is needed in every
/// monitoring-and-analysis wave (the analytical note after each wave, source 004), not once per period.
/// </summary>
public sealed record StageRequirement(EvidenceType AnyOf, EvidenceType? OrElse = null, bool PerWave = false)
{
    public bool IsMetBy(EvidenceType type) => type == AnyOf || type == OrElse;

    /// <summary>
    /// The documents each stage requires (DOMAIN.md §2.3): goals need a concept document or a complex of measures;
    /// indicators an approved list and the procedure schedule; monitoring its order; analysis a report in the current
    /// wave and address recommendations; measures an order or decision; effectiveness the report against the previous
    /// period.
    /// </summary>
    public static IReadOnlyList<StageRequirement> For(CycleStage stage) => stage switch
    {
        CycleStage.Goals => [new(EvidenceType.ConceptDocument, EvidenceType.ActionPlan)],
        CycleStage.Indicators => [new(EvidenceType.IndicatorList), new(EvidenceType.ProcedureSchedule)],
        CycleStage.Monitoring => [new(EvidenceType.MonitoringOrder)],
        CycleStage.Analysis => [new(EvidenceType.AnalyticalReport, PerWave: true), new(EvidenceType.AddressRecommendations)],
        CycleStage.Measures => [new(EvidenceType.ManagementDecision)],
        CycleStage.Effectiveness => [new(EvidenceType.EffectivenessReport)],
        _ => [],
    };

    public string RussianName => OrElse is { } other
        ? $"{EvidenceTypeNames.Russian(AnyOf)} или {EvidenceTypeNames.Russian(other)}"
        : EvidenceTypeNames.Russian(AnyOf) + (PerWave ? " (за текущую волну)" : "");
}
