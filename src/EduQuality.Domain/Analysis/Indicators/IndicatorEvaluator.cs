using EduQuality.Domain.Catalog;

namespace EduQuality.Domain.Analysis.Indicators;

/// <summary>
/// Evaluates catalogue indicators for one organisation and year (DOMAIN.md §3, issue part 2): a share or mean is the
/// pooled numerator over the pooled denominator of the organisation's own totals (never an average of its schools'
/// percentages), a count is the pooled count; indicators not computed from results take a reported value; without
/// either the status is "no data". Pure: the caller gathers the data.
/// </summary>
/// <param name="band">A change of at most this size counts as unchanged (in the indicator's unit); default 0.</param>
public sealed class IndicatorEvaluator(IndicatorCatalog catalog, double band = 0)
{
    /// <summary>
    /// Every active indicator reported at the organisation's level (of one direction when given), for the last year of
    /// <paramref name="series"/>, with the parent's value of that year and the reference values.
    /// </summary>
    /// <param name="series">The organisation's data, one entry per year, oldest first; the last is the evaluated year.</param>
    /// <param name="parent">The parent's data in the evaluated year, or null for a region.</param>
    public IReadOnlyList<IndicatorValue> Evaluate(
        IReadOnlyList<OrganizationMeasures> series, OrganizationMeasures? parent, IReadOnlyList<ReferenceValue> references, string? direction = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(series.Count);
        var current = series[^1];
        return catalog.ActiveIndicators
            .Where(d => d.Levels.Contains(current.Level) && (direction is null || string.Equals(d.Direction, direction, StringComparison.Ordinal)))
            .Select(d => Evaluate(d, series, parent, references))
            .ToList();
    }

    public IndicatorValue Evaluate(IndicatorDefinition definition, IReadOnlyList<OrganizationMeasures> series, OrganizationMeasures? parent, IReadOnlyList<ReferenceValue> references)
    {
        var current = series[^1];
        var (status, value, numerator, denominator) = ValueOf(definition, current);
        var values = series.Select(s => new YearValue(s.Year, ValueOf(definition, s).Value)).ToList();
        double? Reference(ReferenceLevel level) => references
            .FirstOrDefault(r => r.Year == current.Year && r.Level == level && string.Equals(r.IndicatorCode, definition.Code, StringComparison.Ordinal))?.Value;
        return new IndicatorValue(
            definition,
            current.OrganizationCode,
            current.Level,
            current.Year,
            status,
            value,
            numerator,
            denominator,
            TargetMet(definition.Target, value),
            parent is null ? null : ValueOf(definition, parent).Value,
            Reference(ReferenceLevel.Regional),
            Reference(ReferenceLevel.Federal),
            values,
            Dynamics(values, definition.HigherIsBetter));
    }

    /// <summary>The value from results or lists, else the reported value, else no data.</summary>
    public static (EvaluationStatus Status, double? Value, double? Numerator, double? Denominator) ValueOf(IndicatorDefinition definition, OrganizationMeasures data)
    {
        var formula = definition.Formula;
        if (definition.Kind is IndicatorKind.Share or IndicatorKind.Mean && formula.Numerator is { } n && formula.Denominator is { } d
            && ResultMeasures.Value(n, definition, data) is { } numerator && ResultMeasures.Value(d, definition, data) is { } denominator)
        {
            if (denominator > 0)
            {
                var ratio = numerator / denominator;
                return (EvaluationStatus.Computed, definition.Unit == IndicatorUnit.Percent ? 100 * ratio : ratio, numerator, denominator);
            }
        }
        else if (definition.Kind == IndicatorKind.Count && formula.Numerator is { } c && ResultMeasures.Value(c, definition, data) is { } count)
        {
            return (EvaluationStatus.Computed, count, count, null);
        }

        return data.Reported.TryGetValue(definition.Code, out var reported)
            ? (EvaluationStatus.Reported, reported, null, null)
            : (EvaluationStatus.NoData, null, null, null);
    }

    private static bool? TargetMet(IndicatorTarget? target, double? value) =>
        target is { Value: not null, Comparator: TargetComparator.AtLeast or TargetComparator.AtMost or TargetComparator.Equal } && value is { } v
            ? target.IsMetBy((decimal)v)
            : null;

    /// <summary>The last year's value against the earliest year of the series that has one.</summary>
    private IndicatorDynamics Dynamics(IReadOnlyList<YearValue> values, bool higherIsBetter)
    {
        if (values[^1].Value is not { } last || values.Take(values.Count - 1).FirstOrDefault(v => v.Value is not null)?.Value is not { } first)
        {
            return IndicatorDynamics.Unknown;
        }

        var change = last - first;
        if (Math.Abs(change) <= band)
        {
            return IndicatorDynamics.Unchanged;
        }

        return change > 0 == higherIsBetter ? IndicatorDynamics.Improved : IndicatorDynamics.Worsened;
    }
}
