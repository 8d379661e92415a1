namespace EduQuality.Domain.Catalog;

/// <summary>
/// Tunable parameters (пороговые значения) of an indicator. The sources give almost none, so every field is optional
/// and a region may change any of them. Values are in the indicator's unit unless stated.
/// </summary>
public sealed record IndicatorThresholds
{
    /// <summary>The smallest denominator (participants, teachers, schools) for which a value is reported as a finding.</summary>
    public int? MinSample { get; init; }

    /// <summary>A value strictly worse than this (below it when higher is better, above it otherwise) marks a risk zone.</summary>
    public decimal? RiskAt { get; init; }

    /// <summary>A deviation from the regional or federal mean at least this large is significant (зона риска).</summary>
    public decimal? SignificantDeviation { get; init; }

    /// <summary>The year-over-year change in the better direction that counts as positive dynamics (0 = any improvement).</summary>
    public decimal? PositiveChange { get; init; }

    /// <summary>The year-over-year change in the worse direction that counts as negative dynamics.</summary>
    public decimal? AdverseChange { get; init; }

    /// <summary>The fraction (0–1] of organisations with the worst values that the condition selects.</summary>
    public decimal? BottomShare { get; init; }

    /// <summary>Consecutive years the condition must hold.</summary>
    public int? PersistYears { get; init; }

    public static IndicatorThresholds None { get; } = new();

    /// <summary>These thresholds with every field the change sets replaced.</summary>
    public IndicatorThresholds With(IndicatorThresholds change) => new()
    {
        MinSample = change.MinSample ?? MinSample,
        RiskAt = change.RiskAt ?? RiskAt,
        SignificantDeviation = change.SignificantDeviation ?? SignificantDeviation,
        PositiveChange = change.PositiveChange ?? PositiveChange,
        AdverseChange = change.AdverseChange ?? AdverseChange,
        BottomShare = change.BottomShare ?? BottomShare,
        PersistYears = change.PersistYears ?? PersistYears,
    };
}
