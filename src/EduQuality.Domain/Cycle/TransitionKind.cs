namespace EduQuality.Domain.Cycle;

/// <summary>Why a transition is allowed (DOMAIN.md §2.3).</summary>
public enum TransitionKind
{
    /// <summary>The next stage in the order 1→6 (or the start, NotStarted → goals).</summary>
    Forward = 1,

    /// <summary>Analysis → monitoring: another monitoring-and-analysis wave within the period.</summary>
    NewWave = 2,

    /// <summary>Effectiveness analysis → indicators: only the indicators are corrected.</summary>
    Correction = 3,

    /// <summary>Effectiveness analysis → goals of the next period: the period closes and a new cycle starts.</summary>
    NextPeriod = 4,
}
