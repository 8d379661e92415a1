namespace EduQuality.Domain.Cycle;

/// <summary>Where a recommendation comes from. Values are the public contract's enum numbers.</summary>
public enum RecommendationSource
{
    /// <summary>Produced by an analysis of the system.</summary>
    Analysis = 1,

    /// <summary>Entered by hand.</summary>
    Manual = 2,
}
