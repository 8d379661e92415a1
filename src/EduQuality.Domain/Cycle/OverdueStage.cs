namespace EduQuality.Domain.Cycle;

/// <summary>A stage of an instance that missed a due date: how often it was due and how often it was completed.</summary>
public sealed record OverdueStage(CycleKey Key, CycleStage Stage, DateOnly MissedDueDate, int DueCount, int CompletedCount);
