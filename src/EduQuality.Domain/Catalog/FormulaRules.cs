namespace EduQuality.Domain.Catalog;

/// <summary>
/// Checks that an indicator's formula fits its kind: which of numerator, denominator, variables and components it
/// needs, that every measure is in the vocabulary with the right role and comes from a listed procedure, and that the
/// evidence types and the dynamics reference the measures ask for are given.
/// </summary>
internal static class FormulaRules
{
    private enum Use
    {
        Forbidden,
        Optional,
        Required,
    }

    private sealed record Shape(MeasureRole? Numerator, MeasureRole? Denominator, bool Variables, Use Components, IndicatorUnit Unit);

    private static readonly Dictionary<IndicatorKind, Shape> Shapes = new()
    {
        [IndicatorKind.Share] = new(MeasureRole.Count, MeasureRole.Count, false, Use.Optional, IndicatorUnit.Percent),
        [IndicatorKind.Mean] = new(MeasureRole.Sum, MeasureRole.Count, false, Use.Forbidden, IndicatorUnit.Score),
        [IndicatorKind.Median] = new(MeasureRole.Distribution, null, false, Use.Forbidden, IndicatorUnit.Score),
        [IndicatorKind.Count] = new(MeasureRole.Count, null, false, Use.Forbidden, IndicatorUnit.Count),
        [IndicatorKind.Presence] = new(null, null, false, Use.Forbidden, IndicatorUnit.Bool),
        [IndicatorKind.Composite] = new(null, null, false, Use.Required, IndicatorUnit.Score),
        [IndicatorKind.Residual] = new(null, null, true, Use.Forbidden, IndicatorUnit.Score),
        [IndicatorKind.Correlation] = new(null, null, true, Use.Forbidden, IndicatorUnit.Coefficient),
    };

    public static void Check(IndicatorEntry entry, IndicatorKind kind, IndicatorUnit? unit, ViolationCollector report, CatalogContext context)
    {
        var shape = Shapes[kind];
        var used = new List<MeasureDefinition>();
        Measure(report, "numerator", entry.Numerator, shape.Numerator, entry, context, used);
        Measure(report, "denominator", entry.Denominator, shape.Denominator, entry, context, used);
        Variables(report, entry, shape.Variables, context, used);
        Components(report, entry, shape.Components, context);
        Evidence(report, entry, kind == IndicatorKind.Presence || used.Any(m => m.Requires == MeasureRequirement.Evidence), context);
        DynamicsOf(report, entry, used.Any(m => m.Requires == MeasureRequirement.DynamicsOf), context);

        if (unit is { } given && given != shape.Unit)
        {
            report.Add("unit", entry.Unit, $"does not fit kind '{entry.Kind}'; expected {CatalogTerms.Name(shape.Unit)}");
        }
    }

    private static void Measure(
        ViolationCollector report,
        string field,
        string? code,
        MeasureRole? role,
        IndicatorEntry entry,
        CatalogContext context,
        List<MeasureDefinition> used)
    {
        if (role is not { } expected)
        {
            if (code is not null)
            {
                report.Add(field, code, $"a {entry.Kind} indicator has no {field}");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            report.Add(field, code, $"a {entry.Kind} indicator needs a {field} (a {CatalogTerms.Name(expected)} measure)");
            return;
        }

        if (Known(report, field, code, expected, entry, context) is { } measure)
        {
            used.Add(measure);
        }
    }

    private static void Variables(ViolationCollector report, IndicatorEntry entry, bool needed, CatalogContext context, List<MeasureDefinition> used)
    {
        var variables = entry.Variables ?? [];
        if (!needed)
        {
            if (variables.Count > 0)
            {
                report.Add("variables", string.Join(", ", variables), $"a {entry.Kind} indicator has no variables");
            }

            return;
        }

        if (variables.Count < 2)
        {
            report.Add("variables", string.Join(", ", variables), $"a {entry.Kind} indicator needs at least two variables");
        }

        for (var i = 0; i < variables.Count; i++)
        {
            if (Known(report, $"variables[{i}]", variables[i], MeasureRole.Variable, entry, context) is { } measure)
            {
                used.Add(measure);
            }
        }
    }

    private static MeasureDefinition? Known(
        ViolationCollector report,
        string field,
        string code,
        MeasureRole expected,
        IndicatorEntry entry,
        CatalogContext context)
    {
        if (!context.Vocabulary.Measures.TryGetValue(code, out var measure))
        {
            report.Add(field, code, "unknown measure; not in the measure vocabulary (Catalog/Data/vocabulary.json)");
            return null;
        }

        if (measure.Role != expected)
        {
            report.Add(field, code,
                $"is a {CatalogTerms.Name(measure.Role)} measure; a {entry.Kind} indicator needs a {CatalogTerms.Name(expected)} measure here");
        }

        // Only against known procedures: an unknown one is reported once, not again for every measure.
        if (entry.Procedures is { Count: > 0 } procedures
            && procedures.All(context.Vocabulary.Procedures.ContainsKey)
            && !measure.FitsAny(procedures))
        {
            report.Add(field, code,
                $"the measure comes from {string.Join(", ", measure.Procedures)}, none of which is in the indicator's procedures");
        }

        return measure;
    }

    private static void Components(ViolationCollector report, IndicatorEntry entry, Use use, CatalogContext context)
    {
        var components = entry.Components ?? [];
        if (use == Use.Forbidden && components.Count > 0)
        {
            report.Add("components", string.Join(", ", components), $"a {entry.Kind} indicator has no components");
            return;
        }

        if (use == Use.Required && components.Count == 0)
        {
            report.Add("components", null, $"a {entry.Kind} indicator needs at least one component indicator");
        }

        for (var i = 0; i < components.Count; i++)
        {
            IndicatorReference(report, $"components[{i}]", components[i], entry, context);
        }
    }

    private static void Evidence(ViolationCollector report, IndicatorEntry entry, bool needed, CatalogContext context)
    {
        var evidence = entry.Evidence ?? [];
        if (!needed)
        {
            if (evidence.Count > 0)
            {
                report.Add("evidence", string.Join(", ", evidence),
                    "evidence is used only by presence indicators and by measures that count evidence");
            }

            return;
        }

        if (evidence.Count == 0)
        {
            report.Add("evidence", null, "at least one evidence type is required");
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            if (!context.Vocabulary.EvidenceTypes.ContainsKey(evidence[i]))
            {
                report.Add($"evidence[{i}]", evidence[i], "unknown evidence type");
            }
        }
    }

    private static void DynamicsOf(ViolationCollector report, IndicatorEntry entry, bool needed, CatalogContext context)
    {
        if (!needed)
        {
            if (entry.DynamicsOf is not null)
            {
                report.Add("dynamicsOf", entry.DynamicsOf, "dynamicsOf is used only with a measure that counts positive dynamics");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(entry.DynamicsOf))
        {
            report.Add("dynamicsOf", entry.DynamicsOf, "the numerator counts positive dynamics; name the indicator whose dynamics count");
            return;
        }

        IndicatorReference(report, "dynamicsOf", entry.DynamicsOf, entry, context);
    }

    private static void IndicatorReference(ViolationCollector report, string field, string code, IndicatorEntry entry, CatalogContext context)
    {
        if (code == entry.Code)
        {
            report.Add(field, code, "an indicator cannot refer to itself");
        }
        else if (!context.IndicatorCodes.Contains(code))
        {
            report.Add(field, code, "unknown indicator code");
        }
    }
}
