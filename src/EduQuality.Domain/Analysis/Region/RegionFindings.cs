using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Analysis.Recommendations;

namespace EduQuality.Domain.Analysis.Region;

/// <summary>
/// What the analysis of a region found for one academic year, as served: the objectivity risks and flagged lists of
/// the year, the ШНОР/ШНСУ lists of every year up to it with their dynamics and the history of every school listed in
/// any of them, and the programme indicators of the year.
/// </summary>
/// <param name="RegionCode">The region.</param>
/// <param name="Year">The academic year; the low-results window ends with it.</param>
/// <param name="Revision">Grows with every recomputation of this region and year.</param>
/// <param name="ComputedAt">When it was computed.</param>
/// <param name="Risks">Objectivity risk of every school with results in the year, ordered by code.</param>
/// <param name="Flagged">The schools with signs of biased results in the year: the region's list first, then per municipality.</param>
/// <param name="Lists">ШНОР and ШНСУ lists per year, oldest first.</param>
/// <param name="Dynamics">How the lists changed between consecutive years.</param>
/// <param name="Histories">The membership history of every school listed in any year.</param>
/// <param name="Programme">The programme indicators of the year, per municipality and for the region.</param>
/// <param name="Recommendations">Address recommendations generated from the findings of the year.</param>
/// <param name="Clusters">The clusters of the year's schools (кластерный подход), or null without contexts.</param>
public sealed record RegionFindings(
    string RegionCode,
    int Year,
    long Revision,
    DateTimeOffset ComputedAt,
    IReadOnlyList<SchoolYearRisk> Risks,
    IReadOnlyList<FlaggedSchools> Flagged,
    IReadOnlyList<YearLists> Lists,
    IReadOnlyList<ListDynamics> Dynamics,
    IReadOnlyList<SchoolHistory> Histories,
    IReadOnlyList<NorilskIndicatorValue> Programme,
    IReadOnlyList<Recommendation> Recommendations,
    ClusterYear? Clusters = null)
{
    /// <summary>The lists of the finding's year, or null when the year had no results.</summary>
    public YearLists? ListsOfYear => Lists.FirstOrDefault(l => l.Year == Year);
}
