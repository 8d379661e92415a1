namespace EduQuality.Domain.Cycle;

/// <summary>
/// One target of one decision compared across periods: <see cref="Previous"/> is the previous period's value (the
/// baseline when that period has no data), <see cref="Current"/> the reported period's (null without data), judged
/// on <see cref="Scale"/>.
/// </summary>
public sealed record TargetOutcome(long DecisionId, string OrganizationCode, TargetIndicator Target, TargetScale Scale, double Previous, double? Current)
{
    /// <summary>Current minus previous; null without current data.</summary>
    public double? Change => Current - Previous;

    /// <summary>The value moved the right way by at least the measurable minimum.</summary>
    public bool Improved => Change is { } change && (Scale.HigherIsBetter ? change : -change) >= Scale.MinimumChange - 1e-9;

    /// <summary>The target value is reached.</summary>
    public bool Reached => Current is { } value && (Scale.HigherIsBetter ? value >= Target.Target : value <= Target.Target);
}
