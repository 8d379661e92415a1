namespace EduQuality.Domain.Cycle;

/// <summary>The life of a recommendation, in order, and its withdrawal. Values are the public contract's enum numbers.</summary>
public enum RecommendationStatus
{
    Issued = 1,
    Accepted = 2,
    InProgress = 3,
    Done = 4,
    EffectEvaluated = 5,

    /// <summary>Withdrawn by the issuer with a reason, before it was done; final.</summary>
    Withdrawn = 6,
}
