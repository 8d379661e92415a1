namespace EduQuality.Domain.Cycle;

/// <summary>
/// Indicator values a decision's target can name, taken from the summaries of the results path (until the catalogue
/// indicators are evaluated). Values are the public contract's enum numbers.
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
}
