namespace EduQuality.Domain.Catalog;

/// <summary>
/// The indicator catalogue (каталог показателей): directions and indicators read from data — the files shipped in
/// Catalog/Data plus any regional overrides — never from code. Reading never throws on bad content: problems are kept
/// and reported by <see cref="Validate"/>, and the typed views refuse to open until there are none.
/// </summary>
public sealed class IndicatorCatalog
{
    private readonly IReadOnlyList<LocatedDirection> _directions;
    private readonly IReadOnlyList<LocatedIndicator> _indicators;
    private readonly IReadOnlyList<CatalogViolation> _loadProblems;
    private readonly Lazy<IReadOnlyList<CatalogViolation>> _violations;
    private readonly Lazy<CatalogModel> _model;

    private IndicatorCatalog(
        IReadOnlyList<LocatedDirection> directions,
        IReadOnlyList<LocatedIndicator> indicators,
        IReadOnlyList<CatalogViolation> loadProblems,
        IReadOnlyList<string> profiles)
    {
        _directions = directions;
        _indicators = indicators;
        _loadProblems = loadProblems;
        Profiles = profiles;
        _violations = new(() => CatalogValidator.Validate(_directions, _indicators, _loadProblems, Vocabulary));
        _model = new(Build);
    }

    /// <summary>The closed vocabulary every catalogue is checked against.</summary>
    public static CatalogVocabulary Vocabulary => CatalogVocabulary.Shipped;

    /// <summary>The files of the shipped catalogue, in the order they are read.</summary>
    public static IReadOnlyList<string> ShippedFiles => CatalogResources.CatalogFiles();

    /// <summary>The profiles of the overrides applied, in order.</summary>
    public IReadOnlyList<string> Profiles { get; }

    public IReadOnlyList<CatalogDirection> Directions => _model.Value.Directions;
    public IReadOnlyList<IndicatorDefinition> Indicators => _model.Value.Indicators;

    /// <summary>Indicators that are enabled and belong to an enabled direction.</summary>
    public IReadOnlyList<IndicatorDefinition> ActiveIndicators => _model.Value.Active;

    /// <summary>The shipped catalogue (not yet validated).</summary>
    public static IndicatorCatalog LoadShipped()
    {
        var sources = ShippedFiles.Select(file => new CatalogSource(file, CatalogResources.Open(file))).ToList();
        try
        {
            return Load(sources);
        }
        finally
        {
            sources.ForEach(s => s.Json.Dispose());
        }
    }

    /// <summary>A catalogue read from the given documents only (each may hold directions and indicators).</summary>
    public static IndicatorCatalog Load(IEnumerable<CatalogSource> documents)
    {
        var problems = new List<CatalogViolation>();
        var directions = new List<LocatedDirection>();
        var indicators = new List<LocatedIndicator>();
        foreach (var source in documents)
        {
            if (CatalogReader.Read<CatalogDocument>(source.Json, source.Name, problems) is { } document)
            {
                directions.AddRange(CatalogReader.Locate(source.Name, document.Directions));
                indicators.AddRange(CatalogReader.Locate(source.Name, document.Indicators));
            }
        }

        return new IndicatorCatalog(directions, indicators, problems, []);
    }

    /// <summary>
    /// The shipped catalogue with the overrides applied in order (region first, then municipality), validated.
    /// Throws <see cref="CatalogValidationException"/> listing every problem with its file and entry.
    /// </summary>
    public static IndicatorCatalog LoadOrThrow(params IEnumerable<CatalogSource> overrides) =>
        overrides.Aggregate(LoadShipped(), (catalog, source) => catalog.WithOverride(source)).ThrowIfInvalid();

    /// <summary>This catalogue with a regional override applied; see <see cref="WithOverride(Stream, string)"/>.</summary>
    public IndicatorCatalog WithOverride(CatalogSource source) => WithOverride(source.Json, source.Name);

    /// <summary>This catalogue with a regional override applied; problems in the override are kept for <see cref="Validate"/>.</summary>
    public IndicatorCatalog WithOverride(Stream json, string sourceName)
    {
        var problems = _loadProblems.ToList();
        if (CatalogReader.Read<OverrideDocument>(json, sourceName, problems) is not { } document)
        {
            return new IndicatorCatalog(_directions, _indicators, problems, Profiles);
        }

        var (directions, indicators) = OverrideApplier.Apply(_directions, _indicators, document, sourceName, problems);
        return new IndicatorCatalog(directions, indicators, problems, [.. Profiles, document.Profile ?? sourceName]);
    }

    /// <summary>Every problem in the catalogue and its overrides; empty when it is usable.</summary>
    public IReadOnlyList<CatalogViolation> Validate() => _violations.Value;

    /// <summary>This catalogue, or <see cref="CatalogValidationException"/> when it does not validate.</summary>
    public IndicatorCatalog ThrowIfInvalid()
    {
        if (Validate() is { Count: > 0 } violations)
        {
            throw new CatalogValidationException(violations);
        }

        return this;
    }

    public CatalogDirection? FindDirection(string code) => _model.Value.DirectionsByCode.GetValueOrDefault(code);

    public IndicatorDefinition? Find(string code) => _model.Value.IndicatorsByCode.GetValueOrDefault(code);

    public IReadOnlyList<IndicatorDefinition> IndicatorsOf(string direction) =>
        Indicators.Where(i => i.Direction == direction).ToList();

    private CatalogModel Build()
    {
        ThrowIfInvalid();
        var directions = _directions.Select(CatalogModelBuilder.Direction).ToList();
        var indicators = _indicators.Select(CatalogModelBuilder.Indicator).ToList();
        var byDirection = directions.ToDictionary(d => d.Code, StringComparer.Ordinal);
        return new CatalogModel(
            directions,
            indicators,
            indicators.Where(i => i.Enabled && byDirection[i.Direction].Enabled).ToList(),
            byDirection,
            indicators.ToDictionary(i => i.Code, StringComparer.Ordinal));
    }

    private sealed record CatalogModel(
        IReadOnlyList<CatalogDirection> Directions,
        IReadOnlyList<IndicatorDefinition> Indicators,
        IReadOnlyList<IndicatorDefinition> Active,
        IReadOnlyDictionary<string, CatalogDirection> DirectionsByCode,
        IReadOnlyDictionary<string, IndicatorDefinition> IndicatorsByCode);
}
