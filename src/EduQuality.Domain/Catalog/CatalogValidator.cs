namespace EduQuality.Domain.Catalog;

/// <summary>Runs every rule over the merged catalogue: entry rules, then duplicate codes across files.</summary>
internal static class CatalogValidator
{
    public static List<CatalogViolation> Validate(
        IReadOnlyList<LocatedDirection> directions,
        IReadOnlyList<LocatedIndicator> indicators,
        IReadOnlyList<CatalogViolation> loadProblems,
        CatalogVocabulary vocabulary)
    {
        var violations = new List<CatalogViolation>(loadProblems);
        foreach (var direction in directions)
        {
            DirectionRules.Check(direction.Entry, new ViolationCollector(violations, direction.File, direction.Label));
        }

        Duplicates(violations, directions.Select(d => (d.Entry.Code, d.File, d.Label)), "direction");

        var context = new CatalogContext(
            vocabulary,
            Codes(directions.Select(d => d.Entry.Code)),
            Codes(indicators.Select(i => i.Entry.Code)));
        foreach (var indicator in indicators)
        {
            IndicatorRules.Check(indicator, new ViolationCollector(violations, indicator.File, indicator.Label), context);
        }

        Duplicates(violations, indicators.Select(i => (i.Entry.Code, i.File, i.Label)), "indicator");
        return violations;
    }

    private static HashSet<string> Codes(IEnumerable<string?> codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).ToHashSet(StringComparer.Ordinal);

    private static void Duplicates(List<CatalogViolation> violations, IEnumerable<(string? Code, string File, string Label)> entries, string what)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, file, label) in entries)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                continue;
            }

            if (first.TryGetValue(code, out var firstFile))
            {
                violations.Add(new CatalogViolation(file, label, "code", code, $"duplicate {what} code; first defined in {firstFile}"));
            }
            else
            {
                first[code] = file;
            }
        }
    }
}
