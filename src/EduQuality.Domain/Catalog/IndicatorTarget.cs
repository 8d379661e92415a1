namespace EduQuality.Domain.Catalog;

/// <summary>A target (целевое значение, индикатор): a value and how a result is compared with it.</summary>
public sealed record IndicatorTarget(decimal? Value, TargetComparator Comparator)
{
    /// <summary>Whether a numeric result meets the target.</summary>
    public bool IsMetBy(decimal value) => Comparator switch
    {
        TargetComparator.AtLeast => value >= Value,
        TargetComparator.AtMost => value <= Value,
        TargetComparator.Equal => value == Value,
        _ => throw new InvalidOperationException($"Target '{this}' is met by a yes/no result, not a number."),
    };

    /// <summary>Whether a yes/no result meets a «Да» target.</summary>
    public bool IsMetBy(bool value) => Comparator == TargetComparator.Yes
        ? value
        : throw new InvalidOperationException($"Target '{this}' is met by a number, not a yes/no result.");

    public override string ToString() => Comparator switch
    {
        TargetComparator.AtLeast => $">= {Value}",
        TargetComparator.AtMost => $"<= {Value}",
        TargetComparator.Equal => $"= {Value}",
        _ => "yes",
    };
}
