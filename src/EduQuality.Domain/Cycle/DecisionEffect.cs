namespace EduQuality.Domain.Cycle;

/// <summary>A decision's outcome: its targets, and whether any of them moved measurably the right way.</summary>
public sealed record DecisionEffect(ManagementDecision Decision, IReadOnlyList<TargetOutcome> Targets, bool Measurable);
