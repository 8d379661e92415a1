namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// Finds schools with signs of biased results (выявление ОО с признаками необъективности результатов) from summaries:
/// runs every detector on every school and year, scores the risk and lists the schools at or above
/// <see cref="ObjectivityOptions.FlagScore"/> per municipality, region and year. Pure and deterministic: the same input
/// and options give the same report.
/// </summary>
public sealed class ObjectivityAnalyzer
{
    private readonly ObjectivityOptions _options;
    private readonly IReadOnlyList<IObjectivityDetector> _detectors;

    public ObjectivityAnalyzer(ObjectivityOptions? options = null, IReadOnlyList<IObjectivityDetector>? detectors = null)
    {
        _options = options ?? ObjectivityOptions.Default;
        _options.Validate();
        _detectors = detectors ?? DefaultDetectors();
    }

    /// <summary>The five detectors of the default analysis.</summary>
    public static IReadOnlyList<IObjectivityDetector> DefaultDetectors() =>
    [
        new JournalMismatchDetector(),
        new BoundaryPeakDetector(),
        new YearOverYearJumpDetector(),
        new CohortJumpDetector(),
        new CrossProcedureDetector(),
    ];

    public ObjectivityReport Analyze(ObjectivityInput input)
    {
        var context = new ObjectivityContext(input, _options);
        var scorer = new RiskScorer(_options);
        var risks = context.SchoolYears
            .Select(k => scorer.Score(
                k.School, context.MunicipalityOf(k.School), k.Year, _detectors.SelectMany(d => d.Detect(context, k.School, k.Year))))
            .ToList();
        var flagged = risks.Where(r => r.Flagged).ToList();
        var years = risks.Select(r => r.Year).Distinct().Order();
        var region = years
            .Select(y => new FlaggedSchools(y, null, Codes(flagged.Where(r => r.Year == y))))
            .ToList();
        var municipalities = risks
            .Where(r => r.MunicipalityCode is not null)
            .GroupBy(r => (r.Year, Municipality: r.MunicipalityCode!))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Municipality, StringComparer.Ordinal)
            .Select(g => new FlaggedSchools(g.Key.Year, g.Key.Municipality, Codes(g.Where(r => r.Flagged))))
            .ToList();
        return new ObjectivityReport(risks, region, municipalities);
    }

    private static IReadOnlyList<string> Codes(IEnumerable<SchoolYearRisk> risks) =>
        risks.Select(r => r.SchoolCode).Order(StringComparer.Ordinal).ToList();
}
