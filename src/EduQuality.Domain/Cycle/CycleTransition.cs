namespace EduQuality.Domain.Cycle;

/// <summary>One step in the history of a cycle instance.</summary>
public sealed record CycleTransition(CycleStage From, CycleStage To, TransitionKind Kind, int Wave, DateTimeOffset At, string Actor);
