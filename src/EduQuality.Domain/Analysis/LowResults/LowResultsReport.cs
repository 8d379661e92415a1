namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>The two lists of DOMAIN.md §3.6, and their union, the programme's target group (школы целевой группы).</summary>
public enum ListKind
{
    /// <summary>ШНОР: schools with low results.</summary>
    Shnor,

    /// <summary>ШНСУ: schools in adverse social conditions.</summary>
    Shnsu,

    /// <summary>ШНОР ∪ ШНСУ: the target group of the Norilsk programme.</summary>
    Target,
}

/// <summary>A school's move between two consecutive lists (lifecycle §3.6.6: Identified, Remains, Exited).</summary>
public enum ListTransition
{
    NotListed,

    /// <summary>Listed now, not in the previous list (or in the first list): «Identified».</summary>
    Entered,

    /// <summary>In both lists: «Remains».</summary>
    Stayed,

    /// <summary>In the previous list, not now: «Exited», the positive change of list position (ШНОР-D2).</summary>
    Left,
}

/// <summary>Direction of the change of a school's integral result from the previous year.</summary>
public enum ResultDynamics
{
    /// <summary>No integral in one of the two years.</summary>
    Unknown,
    Positive,
    Negative,
    Stable,
}

/// <summary>A number behind a reason, for tables and checks: name, year (if any) and value.</summary>
public sealed record ReasonFigure(string Name, int? Year, double Value);

/// <summary>Why a school is listed, by one method, in Russian and English with the figures behind it.</summary>
/// <param name="Method">«REGRESSION» (Krasnoyarsk), «CLUSTER» (Ishimbay) or «ISBSH» (social index).</param>
public sealed record ListReason(string Method, string TextRu, string TextEn, IReadOnlyList<ReasonFigure> Figures);

/// <summary>A school on a list with its reasons.</summary>
public sealed record ListedSchool(string SchoolCode, string MunicipalityCode, IReadOnlyList<ListReason> Reasons);

/// <summary>
/// The lists of one year, fixed after that year's results (in August, 004 road map 1.1). Provisional when fewer years
/// than the persistence window were available.
/// </summary>
public sealed record YearLists(int Year, bool Provisional, IReadOnlyList<ListedSchool> Shnor, IReadOnlyList<ListedSchool> Shnsu)
{
    public IReadOnlySet<string> Codes(ListKind kind) => kind switch
    {
        ListKind.Shnor => Shnor.Select(s => s.SchoolCode).ToHashSet(StringComparer.Ordinal),
        ListKind.Shnsu => Shnsu.Select(s => s.SchoolCode).ToHashSet(StringComparer.Ordinal),
        _ => Shnor.Concat(Shnsu).Select(s => s.SchoolCode).ToHashSet(StringComparer.Ordinal),
    };
}

/// <summary>
/// How a list changed from one year to the next (ШНОР-D2, ШНОР-D2N, F10). The denominator is every school on either
/// list; leaving is the positive change, entering the negative one.
/// </summary>
public sealed record ListDynamics(
    int FromYear,
    int ToYear,
    ListKind Kind,
    IReadOnlyList<string> Entered,
    IReadOnlyList<string> Left,
    IReadOnlyList<string> Stayed)
{
    public int Denominator => Entered.Count + Left.Count + Stayed.Count;

    /// <summary>ШНОР-D2: share of the listed schools that left the list.</summary>
    public double PositiveShare => Denominator == 0 ? 0 : (double)Left.Count / Denominator;

    /// <summary>ШНОР-D2N: share of the listed schools that entered the list.</summary>
    public double NegativeShare => Denominator == 0 ? 0 : (double)Entered.Count / Denominator;

    /// <summary>F10: share of the listed schools that changed position (entered or left).</summary>
    public double ChangedShare => Denominator == 0 ? 0 : (double)(Entered.Count + Left.Count) / Denominator;
}

/// <summary>A school's state in one year.</summary>
public sealed record SchoolYearStatus(
    int Year,
    bool InShnor,
    bool InShnsu,
    ListTransition Shnor,
    ListTransition Shnsu,
    double? Integral,
    double? IntegralChange,
    ResultDynamics Dynamics);

/// <summary>A school's list membership and result dynamics over the years.</summary>
public sealed record SchoolHistory(string SchoolCode, IReadOnlyList<SchoolYearStatus> Years)
{
    public SchoolYearStatus? In(int year) => Years.FirstOrDefault(y => y.Year == year);
}

/// <summary>Everything the identification produced: inputs on the common scale, each method's detail, lists and dynamics.</summary>
public sealed record LowResultsReport(
    LowResultsOptions Options,
    WorkScoreTable Table,
    IReadOnlyDictionary<string, SchoolProfile> Profiles,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, IntegralResult>> Integrals,
    IReadOnlyDictionary<int, SocialWellbeingResult> SocialIndex,
    IReadOnlyDictionary<int, ClusterYear> Clusters,
    IReadOnlyDictionary<int, RegressionYear> Regressions,
    IReadOnlyList<YearLists> Lists,
    IReadOnlyList<ListDynamics> Dynamics,
    IReadOnlyList<SchoolHistory> Histories)
{
    /// <summary>The lists of a year, or null.</summary>
    public YearLists? ListsOf(int year) => Lists.FirstOrDefault(l => l.Year == year);

    /// <summary>The lists of the last year.</summary>
    public YearLists? Latest => Lists.Count == 0 ? null : Lists[^1];

    public SchoolHistory? HistoryOf(string schoolCode) =>
        Histories.FirstOrDefault(h => string.Equals(h.SchoolCode, schoolCode, StringComparison.Ordinal));
}
