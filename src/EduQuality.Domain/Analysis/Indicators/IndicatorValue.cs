using EduQuality.Domain.Catalog;
using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Analysis.Indicators;

/// <summary>Where an indicator value came from.</summary>
public enum EvaluationStatus
{
    /// <summary>Computed from pooled counts of results or lists.</summary>
    Computed,

    /// <summary>Reported for the organisation and year (the indicator is not computed from results).</summary>
    Reported,

    /// <summary>The data it needs is not there (not zero: unknown).</summary>
    NoData,
}

/// <summary>How the value moved over the years of the series, judged by whether higher is better.</summary>
public enum IndicatorDynamics
{
    /// <summary>Fewer than two years with a value.</summary>
    Unknown,
    Improved,
    Worsened,
    Unchanged,
}

/// <summary>The value of an indicator in one year (null without data).</summary>
public sealed record YearValue(int Year, double? Value);

/// <summary>
/// One indicator evaluated for one organisation and year: the value from pooled numerator and denominator, the target,
/// the differences from the parent and from the reference values, and the dynamics over the series.
/// </summary>
/// <param name="Numerator">The pooled numerator (or the count); null unless computed.</param>
/// <param name="Denominator">The pooled denominator; null for counts and unless computed.</param>
/// <param name="Series">The values of the years of the series, oldest first, the evaluated year last.</param>
public sealed record IndicatorValue(
    IndicatorDefinition Definition,
    string OrganizationCode,
    OrganizationLevel Level,
    int Year,
    EvaluationStatus Status,
    double? Value,
    double? Numerator,
    double? Denominator,
    bool? TargetMet,
    double? ParentValue,
    double? RegionalReference,
    double? FederalReference,
    IReadOnlyList<YearValue> Series,
    IndicatorDynamics Dynamics)
{
    public double? DifferenceFromParent => Value - ParentValue;

    public double? DifferenceFromRegional => Value - RegionalReference;

    public double? DifferenceFromFederal => Value - FederalReference;
}
