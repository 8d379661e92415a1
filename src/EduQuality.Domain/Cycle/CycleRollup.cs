namespace EduQuality.Domain.Cycle;

/// <summary>
/// How far the cycles of an organisation's children have come in one direction and period: how many children, how
/// many have started, how many have a complete cycle (all six stages evidenced), and the mean maturity.
/// </summary>
public sealed record CycleRollup(string OrganizationCode, string Direction, int Period, int Children, int Started, int Complete, double MeanMaturity)
{
    public double ShareComplete => Children == 0 ? 0 : Complete / (double)Children;

    /// <summary>Rolls up one row per child: its instance (null when never started) and its maturity.</summary>
    public static CycleRollup Of(string organizationCode, string direction, int period, IReadOnlyList<(CycleInstance? Instance, double Maturity)> children) =>
        new(organizationCode, direction, period,
            children.Count,
            children.Count(c => c.Instance is { Stage: not CycleStage.NotStarted }),
            children.Count(c => c.Instance is { IsCycleComplete: true }),
            children.Count == 0 ? 0 : children.Average(c => c.Maturity));
}
