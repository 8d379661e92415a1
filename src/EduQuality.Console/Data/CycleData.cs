using EduQuality.Api.V1;

namespace EduQuality.WebConsole.Data;

/// <summary>
/// What the CycleService says about one organisation's management cycle in one direction and period: the instance,
/// its criteria and maturity, recommendations, decisions, overdue stages of its subtree and, above a school, the
/// cycles of its children with their rollup.
/// </summary>
public sealed record CycleData(
    Organization Organization,
    CycleRef Cycle,
    CycleInstance Instance,
    Maturity Maturity,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<OverdueStage> Overdue,
    IReadOnlyList<CycleInstance> Children,
    Rollup? Rollup)
{
    /// <summary>The direction a board shows unless asked for another: «Оценка качества подготовки обучающихся».</summary>
    public const string DefaultDirection = "R1";

    /// <summary>The stages a cycle passes through, in order.</summary>
    public static readonly IReadOnlyList<CycleStage> Stages =
        [CycleStage.Goals, CycleStage.Indicators, CycleStage.Monitoring, CycleStage.Analysis, CycleStage.Measures, CycleStage.Effectiveness];

    public static async Task<CycleData> LoadAsync(ConsoleQueries queries, Organization organization, string direction, int period, CancellationToken cancellationToken)
    {
        var cycle = new CycleRef { OrganizationCode = organization.Code, Direction = direction, Period = period };
        var (children, rollup) = organization.Level == OrganizationLevel.School
            ? ([], null)
            : await queries.CycleRollupAsync(cycle, cancellationToken);
        var overdue = (await queries.OverdueAsync(organization.Code, cancellationToken))
            .Where(o => o.Cycle.Direction == direction && o.Cycle.Period == period).ToList();
        return new CycleData(organization, cycle,
            await queries.CycleAsync(cycle, cancellationToken),
            await queries.MaturityAsync(cycle, cancellationToken),
            await queries.CycleRecommendationsAsync(cycle, cancellationToken),
            await queries.DecisionsAsync(cycle, cancellationToken),
            overdue, children, rollup);
    }

    /// <summary>The missed due date of <paramref name="stage"/> of <paramref name="code"/>'s cycle, when it is overdue.</summary>
    public string? OverdueDate(string code, CycleStage stage) =>
        Overdue.FirstOrDefault(o => o.Cycle.OrganizationCode == code && o.Stage == stage)?.MissedDueDate;
}
