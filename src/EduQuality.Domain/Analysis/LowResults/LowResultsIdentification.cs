namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>How the ШНОР list combines the two methods.</summary>
public enum ShnorRule
{
    /// <summary>Persistently flagged by the regression-residual method (Krasnoyarsk).</summary>
    Regression,

    /// <summary>Persistently flagged by the cluster method (Ishimbay).</summary>
    Cluster,

    /// <summary>Persistently flagged by either method.</summary>
    Either,

    /// <summary>Persistently flagged by both methods (each method's flagged years counted separately).</summary>
    Both,

    /// <summary>Flagged by both methods in the same year, in enough years of the window.</summary>
    BothSameYear,
}

/// <summary>
/// «Over a long period» (DOMAIN.md §3.6.1) made concrete: flagged in at least <see cref="MinFlaggedYears"/> of the
/// last <see cref="WindowYears"/> years with results (default 2 of 3, REFERENCE-FACTS §5.3 and catalogue ШНОР-S).
/// With fewer years available the list is provisional and needs min(MinFlaggedYears, available years).
/// </summary>
public sealed record PersistenceRule(int WindowYears = 3, int MinFlaggedYears = 2)
{
    /// <summary>The years of the window ending at <paramref name="year"/>, from the years with results.</summary>
    public IReadOnlyList<int> Window(IReadOnlyList<int> years, int year) =>
        years.Where(y => y <= year).OrderDescending().Take(WindowYears).Order().ToList();

    /// <summary>Flagged years needed in a window of the given length.</summary>
    public int Required(int windowLength) => Math.Min(MinFlaggedYears, windowLength);

    public void Validate()
    {
        if (WindowYears < 1 || MinFlaggedYears < 1 || MinFlaggedYears > WindowYears)
        {
            throw new ArgumentException($"PersistenceRule({WindowYears}, {MinFlaggedYears}): need 1 ≤ MinFlaggedYears ≤ WindowYears.");
        }
    }
}

/// <summary>All settings of the identification; every default is stated in docs/analysis-low-results.md.</summary>
public sealed record LowResultsOptions
{
    public IntegralResultOptions Integral { get; init; } = new();
    public SocialWellbeingOptions Social { get; init; } = new();
    public ClusterOptions Cluster { get; init; } = new();
    public RegressionOptions Regression { get; init; } = new();
    public PersistenceRule Persistence { get; init; } = new();
    public ShnorRule Rule { get; init; } = ShnorRule.Both;

    /// <summary>An integral change larger than this (in standardised units) is positive or negative dynamics; default 0.</summary>
    public double DynamicsBand { get; init; }

    public void Validate()
    {
        Integral.Validate();
        Social.Validate();
        Cluster.Validate();
        Regression.Validate();
        Persistence.Validate();
        if (DynamicsBand < 0)
        {
            throw new ArgumentException($"LowResultsOptions.DynamicsBand = {DynamicsBand} must be ≥ 0.");
        }
    }
}

/// <summary>
/// The input of the identification: the schools' context, their result summaries, and optionally a context per year
/// (otherwise <see cref="Schools"/> is used for every year). Only schools with a profile are analysed.
/// </summary>
public sealed record LowResultsInput(
    IReadOnlyList<SchoolProfile> Schools,
    IReadOnlyList<SchoolYearResults> Results,
    IReadOnlyDictionary<int, IReadOnlyList<SchoolProfile>>? ContextByYear = null);

/// <summary>
/// Identifies ШНОР and ШНСУ year by year (DOMAIN.md §3.6, §4.4): the integral result, the social-wellbeing index,
/// the cluster and regression-residual methods with persistence, the lists with reasons, their dynamics and each
/// school's history.
/// </summary>
public static class LowResultsIdentification
{
    public static LowResultsReport Run(LowResultsInput input, LowResultsOptions? options = null)
    {
        options ??= new LowResultsOptions();
        options.Validate();
        var profiles = input.Schools.ToDictionary(s => s.SchoolCode, StringComparer.Ordinal);
        var table = WorkScoreTable.Build(input.Results.Where(r => profiles.ContainsKey(r.SchoolCode)), options.Integral.Standardisation);
        var integrals = IntegralResultIndex.ComputeAll(table, options.Integral);
        var contextCache = new Dictionary<int, IReadOnlyDictionary<string, SchoolProfile>>();
        IReadOnlyDictionary<string, SchoolProfile> ContextOf(int year)
        {
            if (!contextCache.TryGetValue(year, out var context))
            {
                context = input.ContextByYear?.GetValueOrDefault(year) is { } yearly
                    ? yearly.ToDictionary(s => s.SchoolCode, StringComparer.Ordinal)
                    : profiles;
                contextCache[year] = context;
            }

            return context;
        }

        var social = table.Years.ToDictionary(y => y, y => SocialWellbeingIndex.Compute(ContextOf(y).Values.ToList(), options.Social));
        var clusters = ClusterMethod.Run(integrals, ContextOf, y => social[y], options.Cluster);
        var regressions = RegressionResidualMethod.Run(integrals, ContextOf, options.Regression);
        var lists = table.Years.Select(y => BuildLists(y, table.Years, ContextOf(y), social[y], clusters, regressions, options)).ToList();
        var dynamics = ListDynamicsAnalysis.Dynamics(lists);
        var histories = ListDynamicsAnalysis.Histories(profiles.Keys.Order(StringComparer.Ordinal).ToList(), lists, integrals, options.DynamicsBand);
        return new LowResultsReport(options, table, profiles, integrals, social, clusters, regressions, lists, dynamics, histories);
    }

    /// <summary>The flagged years of a method for a school within the window, and whether that is persistent.</summary>
    public static (IReadOnlyList<int> Flagged, bool Persistent) Persistence(
        PersistenceRule rule, IReadOnlyList<int> window, Func<int, bool> flaggedIn)
    {
        var flagged = window.Where(flaggedIn).ToList();
        return (flagged, window.Count > 0 && flagged.Count >= rule.Required(window.Count));
    }

    private static YearLists BuildLists(
        int year,
        IReadOnlyList<int> years,
        IReadOnlyDictionary<string, SchoolProfile> context,
        SocialWellbeingResult social,
        IReadOnlyDictionary<int, ClusterYear> clusters,
        IReadOnlyDictionary<int, RegressionYear> regressions,
        LowResultsOptions options)
    {
        var window = options.Persistence.Window(years, year);
        var shnor = new List<ListedSchool>();
        foreach (var code in context.Keys.Order(StringComparer.Ordinal))
        {
            var byRegression = Persistence(options.Persistence, window,
                y => regressions.GetValueOrDefault(y)?.Schools.GetValueOrDefault(code)?.Flagged == true);
            var byCluster = Persistence(options.Persistence, window,
                y => clusters.GetValueOrDefault(y)?.Schools.GetValueOrDefault(code)?.Flagged == true);
            var bySameYear = Persistence(options.Persistence, window,
                y => regressions.GetValueOrDefault(y)?.Schools.GetValueOrDefault(code)?.Flagged == true
                    && clusters.GetValueOrDefault(y)?.Schools.GetValueOrDefault(code)?.Flagged == true);
            var listed = options.Rule switch
            {
                ShnorRule.BothSameYear => bySameYear.Persistent,
                ShnorRule.Regression => byRegression.Persistent,
                ShnorRule.Cluster => byCluster.Persistent,
                ShnorRule.Both => byRegression.Persistent && byCluster.Persistent,
                _ => byRegression.Persistent || byCluster.Persistent,
            };
            if (!listed)
            {
                continue;
            }

            var reasons = new List<ListReason>();
            if (byRegression.Persistent)
            {
                reasons.Add(LowResultsReasons.Regression(code, window, byRegression.Flagged, regressions));
            }

            if (byCluster.Persistent)
            {
                reasons.Add(LowResultsReasons.Cluster(code, window, byCluster.Flagged, clusters, options.Cluster));
            }

            shnor.Add(new ListedSchool(code, context[code].MunicipalityCode, reasons));
        }

        var shnsu = social.Candidates
            .Where(context.ContainsKey)
            .Select(code => new ListedSchool(code, context[code].MunicipalityCode, [LowResultsReasons.SocialIndex(social.Schools[code], social)]))
            .ToList();
        return new YearLists(year, window.Count < options.Persistence.WindowYears, shnor, shnsu);
    }
}
