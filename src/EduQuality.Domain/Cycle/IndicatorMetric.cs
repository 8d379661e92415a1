namespace EduQuality.Domain.Cycle;

/// <summary>
/// What a decision's target measures: a value of the result summaries of one procedure, subject and grade, or a
/// catalogue indicator evaluated like GetIndicatorValues does. Values are the public contract's enum numbers.
/// </summary>
public enum IndicatorMetric
{
    /// <summary>Mean score; higher is better.</summary>
    MeanScore = 1,

    /// <summary>Share of «2»; lower is better.</summary>
    ShareMark2 = 2,

    /// <summary>Share below the minimum threshold; lower is better.</summary>
    ShareBelowMinimum = 3,

    /// <summary>Share of high scorers; higher is better.</summary>
    ShareHighScorers = 4,

    /// <summary>The catalogue indicator named by <see cref="TargetIndicator.IndicatorCode"/>; its direction of improvement is the catalogue's.</summary>
    CatalogueIndicator = 5,
}
