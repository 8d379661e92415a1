using EduQuality.Api.V1;

namespace EduQuality.WebConsole.Data;

/// <summary>What the AnalysisService says about one organisation (and its subtree) in one academic year.</summary>
public sealed record AnalysisData(
    Organization Organization,
    int Year,
    ObjectivityResponse Objectivity,
    LowResultsResponse LowResults,
    IReadOnlyList<IndicatorValueView> Indicators,
    IReadOnlyList<RecommendationView> Recommendations)
{
    public static async Task<AnalysisData> LoadAsync(ConsoleQueries queries, Organization organization, int year, CancellationToken cancellationToken) =>
        new(organization, year,
            await queries.ObjectivityAsync(organization.Code, year, cancellationToken),
            await queries.LowResultsAsync(organization.Code, year, cancellationToken),
            await queries.IndicatorsAsync(organization.Code, year, cancellationToken),
            await queries.RecommendationsAsync(organization.Code, year, cancellationToken));
}
