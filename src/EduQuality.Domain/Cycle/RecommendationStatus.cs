namespace EduQuality.Domain.Cycle;

/// <summary>The life of a recommendation, in order. Values are the public contract's enum numbers.</summary>
public enum RecommendationStatus
{
    Issued = 1,
    Accepted = 2,
    InProgress = 3,
    Done = 4,
    EffectEvaluated = 5,
}
