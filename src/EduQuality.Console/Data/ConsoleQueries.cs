using EduQuality.Api.V1;
using EduQuality.WebConsole.Access;
using Grpc.Core;

namespace EduQuality.WebConsole.Data;

/// <summary>What console pages and exports read, as one user, through the server's gRPC services.</summary>
public sealed class ConsoleQueries(ConsoleClients clients, ConsoleUser user)
{
    /// <summary>How many academic years back the console looks for data when no year is chosen.</summary>
    private const int YearsToLookBack = 4;

    /// <summary>Reads as <paramref name="user"/>, with their token on every call.</summary>
    public static ConsoleQueries For(ConsoleBackend backend, ConsoleUser user) => new(backend.For(user.Token), user);

    public async Task<Organization?> OrganizationAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.Organizations.GetOrganizationAsync(new GetOrganizationRequest { Code = code }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Organization>> ChildrenAsync(string code, CancellationToken cancellationToken) =>
        (await clients.Organizations.ListChildrenAsync(new ListChildrenRequest { Code = code }, cancellationToken: cancellationToken)).Children;

    public async Task<IReadOnlyList<Organization>> SearchAsync(string text, CancellationToken cancellationToken) =>
        text.Trim().Length < 2
            ? []
            : (await clients.Organizations.SearchOrganizationsAsync(new SearchOrganizationsRequest { Text = text.Trim(), Limit = 30 }, cancellationToken: cancellationToken)).Organizations;

    /// <summary>The organisation and its ancestors up to the user's scope, top first.</summary>
    public async Task<IReadOnlyList<Organization>> PathAsync(Organization organization, CancellationToken cancellationToken)
    {
        var path = new List<Organization> { organization };
        while (!user.IsScope(path[0].Code) && path[0].ParentCode.Length > 0 && path.Count < 4)
        {
            if (await TryParentAsync(path[0].ParentCode, cancellationToken) is not { } parent)
            {
                break;
            }

            path.Insert(0, parent);
        }

        return path;
    }

    /// <summary>The parent when the user may see it (a school's operator does not see the municipality).</summary>
    public async Task<Organization?> TryParentAsync(string parentCode, CancellationToken cancellationToken)
    {
        try
        {
            return parentCode.Length == 0 ? null : await OrganizationAsync(parentCode, cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SliceSummary>> SummariesAsync(string code, int year, CancellationToken cancellationToken) =>
        (await clients.Query.ListSummariesAsync(new ListSummariesRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken))
            .Summaries.Where(s => s.Slice.ClassLabel.Length == 0).ToList();

    /// <summary>The latest academic year, up to this one, in which the organisation has results; this year when none.</summary>
    public async Task<int> LatestYearWithDataAsync(string code, CancellationToken cancellationToken)
    {
        var current = Domain.Hierarchy.AcademicYear.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        for (var year = current; year > current - YearsToLookBack; year--)
        {
            if ((await SummariesAsync(code, year, cancellationToken)).Count > 0)
            {
                return year;
            }
        }

        return current;
    }

    public async Task<SliceSummary> SliceAsync(string code, SliceChoice slice, CancellationToken cancellationToken) =>
        await clients.Query.GetSummaryAsync(new GetSummaryRequest { OrganizationCode = code, Slice = slice.ToContract() }, cancellationToken: cancellationToken);

    /// <summary>The children's summaries of the slice; none for a school.</summary>
    public async Task<IReadOnlyList<SliceSummary>> ChildSlicesAsync(Organization organization, SliceChoice slice, CancellationToken cancellationToken) =>
        organization.Level == OrganizationLevel.School
            ? []
            : (await clients.Query.CompareChildrenAsync(new CompareChildrenRequest { OrganizationCode = organization.Code, Slice = slice.ToContract() },
                cancellationToken: cancellationToken)).Children;

    /// <summary>Three academic years ending with the slice's year, oldest first.</summary>
    public async Task<IReadOnlyList<SliceSummary>> SeriesAsync(string code, SliceChoice slice, CancellationToken cancellationToken) =>
        (await clients.Query.GetSeriesAsync(new GetSeriesRequest { OrganizationCode = code, Slice = slice.ToContract(), Years = 3 }, cancellationToken: cancellationToken)).Points;

    /// <summary>Follows the organisation's summaries of a year: one update at once, then one per change.</summary>
    public AsyncServerStreamingCall<SummariesUpdate> Watch(string code, int year, CancellationToken cancellationToken) =>
        clients.Query.WatchSummaries(new WatchSummariesRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken);

    public async Task<ObjectivityResponse> ObjectivityAsync(string code, int year, CancellationToken cancellationToken) =>
        await clients.Analysis.GetObjectivityAsync(new AnalysisRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken);

    public async Task<ClusterPeersResponse> ClusterPeersAsync(string code, int year, CancellationToken cancellationToken) =>
        await clients.Analysis.GetClusterPeersAsync(new AnalysisRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken);

    public async Task<LowResultsResponse> LowResultsAsync(string code, int year, CancellationToken cancellationToken) =>
        await clients.Analysis.GetLowResultsAsync(new AnalysisRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken);

    /// <summary>The catalogue indicators of every direction (without the analytical-only ones).</summary>
    public async Task<IReadOnlyList<IndicatorValueView>> IndicatorsAsync(string code, int year, CancellationToken cancellationToken) =>
        (await clients.Analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken)).Indicators;

    public async Task<IReadOnlyList<RecommendationView>> RecommendationsAsync(string code, int year, CancellationToken cancellationToken) =>
        (await clients.Analysis.ListRecommendationsAsync(new AnalysisRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken)).Recommendations;

    public async Task<CycleInstance> CycleAsync(CycleRef cycle, CancellationToken cancellationToken) =>
        await clients.Cycle.GetInstanceAsync(cycle, cancellationToken: cancellationToken);

    public async Task<Maturity> MaturityAsync(CycleRef cycle, CancellationToken cancellationToken) =>
        await clients.Cycle.GetMaturityAsync(cycle, cancellationToken: cancellationToken);

    /// <summary>The cycles of the organisation's children (its schools, for a municipality) with their rollup.</summary>
    public async Task<(IReadOnlyList<CycleInstance> Children, Rollup Rollup)> CycleRollupAsync(CycleRef cycle, CancellationToken cancellationToken)
    {
        var instances = await clients.Cycle.ListInstancesAsync(
            new ListInstancesRequest { OrganizationCode = cycle.OrganizationCode, Direction = cycle.Direction, Period = cycle.Period }, cancellationToken: cancellationToken);
        var rollup = await clients.Cycle.GetRollupAsync(
            new RollupRequest { OrganizationCode = cycle.OrganizationCode, Direction = cycle.Direction, Period = cycle.Period }, cancellationToken: cancellationToken);
        return (instances.Instances.Where(i => i.Cycle.OrganizationCode != cycle.OrganizationCode).ToList(), rollup);
    }

    public async Task<IReadOnlyList<Recommendation>> CycleRecommendationsAsync(CycleRef cycle, CancellationToken cancellationToken) =>
        (await clients.Cycle.ListRecommendationsAsync(
            new ListRecommendationsRequest { OrganizationCode = cycle.OrganizationCode, Direction = cycle.Direction, Period = cycle.Period }, cancellationToken: cancellationToken))
        .Recommendations;

    public async Task<IReadOnlyList<Decision>> DecisionsAsync(CycleRef cycle, CancellationToken cancellationToken) =>
        (await clients.Cycle.ListDecisionsAsync(cycle, cancellationToken: cancellationToken)).Decisions;

    /// <summary>Stages past their due date in the organisation's subtree.</summary>
    public async Task<IReadOnlyList<OverdueStage>> OverdueAsync(string code, CancellationToken cancellationToken) =>
        (await clients.Cycle.ListOverdueAsync(new OverdueRequest { OrganizationCode = code }, cancellationToken: cancellationToken)).Stages;

    public async Task<IReadOnlyList<Direction>> DirectionsAsync(string region, CancellationToken cancellationToken) =>
        (await clients.Cycle.ListDirectionsAsync(new ListDirectionsRequest { Region = region }, cancellationToken: cancellationToken)).Directions;

    /// <summary>Whether the signed-in user's role grants <paramref name="permission"/> (the server checks again on every call).</summary>
    public bool May(Domain.Security.Permission permission) => Domain.Security.RoleRules.Grants(user.Role, permission);

    public async Task AddEvidenceAsync(CycleRef cycle, Evidence evidence, CancellationToken cancellationToken) =>
        await clients.Cycle.AddEvidenceAsync(new AddEvidenceRequest { Cycle = cycle, Evidence = evidence }, cancellationToken: cancellationToken);

    /// <summary>Moves the cycle to <paramref name="to"/>, refused if it is no longer at <paramref name="from"/>.</summary>
    public async Task TransitionAsync(CycleRef cycle, CycleStage from, CycleStage to, CancellationToken cancellationToken) =>
        await clients.Cycle.TransitionAsync(new TransitionRequest { Cycle = cycle, To = to, ExpectedFrom = from }, cancellationToken: cancellationToken);

    /// <summary>Schools by mean ВПР mark in a subject and grade: served only as the flagged analytical view.</summary>
    public async Task<RankingResponse> RankingAsync(string code, int year, string subject, int grade, CancellationToken cancellationToken) =>
        await clients.Analysis.RankSchoolsAsync(new RankingRequest
        {
            OrganizationCode = code, Year = year, Measure = RankingMeasure.MeanVprMark, Subject = subject, Grade = grade, AnalyticalView = true,
        }, cancellationToken: cancellationToken);
}
