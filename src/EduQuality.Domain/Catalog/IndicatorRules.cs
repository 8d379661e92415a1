using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Catalog;

/// <summary>Checks one indicator entry, field by field; the formula, target and thresholds have rules of their own.</summary>
internal static class IndicatorRules
{
    public static void Check(LocatedIndicator located, ViolationCollector report, CatalogContext context)
    {
        var entry = located.Entry;
        if (report.Required("code", entry.Code) && entry.Code != entry.Code!.Trim())
        {
            report.Add("code", entry.Code, "has leading or trailing spaces");
        }

        if (report.Required("direction", entry.Direction) && !context.DirectionCodes.Contains(entry.Direction!))
        {
            report.Add("direction", entry.Direction, "unknown direction; no direction with this code is defined");
        }

        NameRules.Russian(report, "nameRu", entry.NameRu);
        report.Required("nameEn", entry.NameEn);

        IndicatorUnit? unit = report.Known("unit", entry.Unit, CatalogTerms.Units) ? CatalogTerms.Units[entry.Unit!] : null;
        if (report.Known("kind", entry.Kind, CatalogTerms.Kinds))
        {
            FormulaRules.Check(entry, CatalogTerms.Kinds[entry.Kind!], unit, report, context);
        }

        Codes(report, "procedures", entry.Procedures, context.Vocabulary.Procedures, "procedure");
        Codes(report, "systems", entry.Systems, context.Vocabulary.Systems, "source system");
        Codes(report, "levels", entry.Levels, CatalogTerms.Levels, "level");
        report.Known("rollup", entry.Rollup, CatalogTerms.Rollups);
        if (entry.Population is not null)
        {
            report.Known("population", entry.Population, context.Vocabulary.Populations);
        }

        Scope(report, entry);
        Periodicity(report, entry.Periodicity);
        if (entry.HigherIsBetter is null)
        {
            report.Add("higherIsBetter", null, "is required (true or false)");
        }

        report.Known("explicitness", entry.Explicitness, CatalogTerms.Explicitness);
        Sources(report, entry.Sources);
        TargetRules.CheckTarget(entry.Target, unit, entry.NegativeConsequence, report.In(located.TargetFile));
        TargetRules.CheckThresholds(entry.Thresholds, unit, report.In(located.ThresholdsFile));
    }

    private static void Codes<T>(ViolationCollector report, string field, List<string>? values, IReadOnlyDictionary<string, T> known, string what)
    {
        if (values is not { Count: > 0 })
        {
            report.Add(field, null, $"at least one {what} is required");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!known.ContainsKey(values[i]))
            {
                report.Add($"{field}[{i}]", values[i], $"unknown {what}");
            }
            else if (values.IndexOf(values[i]) < i)
            {
                report.Add($"{field}[{i}]", values[i], $"the {what} is listed twice");
            }
        }
    }

    private static void Scope(ViolationCollector report, IndicatorEntry entry)
    {
        var subjects = entry.Subjects ?? [];
        for (var i = 0; i < subjects.Count; i++)
        {
            if (!SubjectCatalog.IsKnown(subjects[i]))
            {
                report.Add($"subjects[{i}]", subjects[i], "unknown subject code (Reference/subjects.json)");
            }
        }

        var grades = entry.Grades ?? [];
        for (var i = 0; i < grades.Count; i++)
        {
            if (grades[i] is < 1 or > 11)
            {
                report.Add($"grades[{i}]", grades[i].ToString(System.Globalization.CultureInfo.InvariantCulture), "a grade must be 1–11");
            }
        }
    }

    private static void Periodicity(ViolationCollector report, PeriodicityEntry? periodicity)
    {
        if (periodicity is null)
        {
            report.Add("periodicity", null, "is required");
            return;
        }

        var known = report.Known("periodicity.frequency", periodicity.Frequency, CatalogTerms.Frequencies);
        var months = periodicity.Months ?? [];
        foreach (var month in months.Where(m => m is < 1 or > 12))
        {
            report.Add("periodicity.months", month.ToString(System.Globalization.CultureInfo.InvariantCulture), "a month must be 1–12");
        }

        if (known && CatalogTerms.Frequencies[periodicity.Frequency!] == PeriodicityFrequency.SeveralPerYear && months.Distinct().Count() < 2)
        {
            report.Add("periodicity.months", string.Join(", ", months), "severalPerYear needs at least two months");
        }
    }

    private static void Sources(ViolationCollector report, List<SourceEntry>? sources)
    {
        if (sources is not { Count: > 0 })
        {
            report.Add("sources", null, "at least one source reference (document and section) is required");
            return;
        }

        for (var i = 0; i < sources.Count; i++)
        {
            report.Required($"sources[{i}].document", sources[i].Document);
            report.Required($"sources[{i}].section", sources[i].Section);
        }
    }
}
