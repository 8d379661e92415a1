namespace EduQuality.Domain.Cycle;

/// <summary>Facts from the system's own data that can meet a criterion without a document.</summary>
public enum DataSignal
{
    /// <summary>Results of assessment procedures exist for the organisation in the period.</summary>
    Results = 1,

    /// <summary>Address recommendations are recorded for the organisation, direction and period.</summary>
    Recommendations = 2,

    /// <summary>Management decisions are recorded for the organisation, direction and period.</summary>
    Decisions = 3,
}
