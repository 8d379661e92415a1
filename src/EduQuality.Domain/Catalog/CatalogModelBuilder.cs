namespace EduQuality.Domain.Catalog;

/// <summary>Turns validated entries into the typed model; only called once the catalogue has no violations.</summary>
internal static class CatalogModelBuilder
{
    public static CatalogDirection Direction(LocatedDirection located)
    {
        var e = located.Entry;
        return new CatalogDirection
        {
            Code = e.Code!,
            Group = CatalogTerms.Groups[e.Group!],
            NameRu = e.NameRu!,
            NameEn = e.NameEn!,
            Sources = e.Sources!.Select(s => new DirectionSource(s.Document!, s.NameRu!, CatalogTerms.Coverages[s.Coverage!])).ToList(),
            Enabled = e.Enabled ?? true,
            File = located.File,
        };
    }

    public static IndicatorDefinition Indicator(LocatedIndicator located)
    {
        var e = located.Entry;
        return new IndicatorDefinition
        {
            Code = e.Code!,
            Direction = e.Direction!,
            NameRu = e.NameRu!,
            NameEn = e.NameEn!,
            Kind = CatalogTerms.Kinds[e.Kind!],
            Formula = new IndicatorFormula(e.Numerator, e.Denominator, e.Variables ?? [], e.Components ?? [], e.Evidence ?? [], e.DynamicsOf),
            Unit = CatalogTerms.Units[e.Unit!],
            Procedures = e.Procedures!,
            Systems = e.Systems!,
            Levels = e.Levels!.Select(l => CatalogTerms.Levels[l]).ToList(),
            Rollup = CatalogTerms.Rollups[e.Rollup!],
            Population = e.Population ?? CatalogVocabulary.AllPopulation,
            Subjects = e.Subjects ?? [],
            Grades = e.Grades ?? [],
            Periodicity = new Periodicity(CatalogTerms.Frequencies[e.Periodicity!.Frequency!], e.Periodicity.Months ?? []),
            Target = e.Target is { } t ? new IndicatorTarget(t.Value, CatalogTerms.Comparators[t.Comparator!]) : null,
            Thresholds = e.Thresholds ?? IndicatorThresholds.None,
            HigherIsBetter = e.HigherIsBetter!.Value,
            NegativeConsequence = e.NegativeConsequence,
            Explicitness = CatalogTerms.Explicitness[e.Explicitness!],
            Sources = e.Sources!.Select(s => new SourceReference(s.Document!, s.Section!)).ToList(),
            Note = e.Note,
            Enabled = e.Enabled ?? true,
            File = located.File,
        };
    }
}
