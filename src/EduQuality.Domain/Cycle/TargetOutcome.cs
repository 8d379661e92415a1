namespace EduQuality.Domain.Cycle;

/// <summary>
/// One target of one decision compared across periods: <see cref="Previous"/> is the previous period's value (the
/// baseline when that period has no data), <see cref="Current"/> the reported period's (null without data).
/// </summary>
public sealed record TargetOutcome(long DecisionId, string OrganizationCode, TargetIndicator Target, double Previous, double? Current)
{
    /// <summary>Current minus previous; null without current data.</summary>
    public double? Change => Current - Previous;

    /// <summary>The value moved the right way by at least the measurable minimum.</summary>
    public bool Improved(double minimum) => Change is { } change && (Target.HigherIsBetter ? change >= minimum : -change >= minimum);

    /// <summary>The target value is reached.</summary>
    public bool Reached => Current is { } value && (Target.HigherIsBetter ? value >= Target.Target : value <= Target.Target);
}
