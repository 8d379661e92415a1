namespace EduQuality.Domain.Cycle;

/// <summary>
/// Indicator values for effectiveness analysis: the value of a target's metric at an organisation in an academic
/// year, or null when there are no data. Served today from result summaries; the catalogue's indicator evaluation is
/// meant to plug in here later.
/// </summary>
public interface IIndicatorValues
{
    Task<double?> ValueAsync(string organizationCode, int year, TargetIndicator target, CancellationToken cancellationToken);
}
