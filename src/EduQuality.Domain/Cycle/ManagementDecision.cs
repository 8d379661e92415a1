namespace EduQuality.Domain.Cycle;

/// <summary>
/// A management decision or measure taken in one cycle (stage 5): its type, title and document, the recommendations
/// it answers and the indicators it targets.
/// </summary>
public sealed record ManagementDecision(
    long Id,
    CycleKey Cycle,
    DecisionType Type,
    string Title,
    DateOnly Date,
    IReadOnlyList<long> Answers,
    IReadOnlyList<TargetIndicator> Targets);
