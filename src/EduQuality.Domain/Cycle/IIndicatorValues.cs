namespace EduQuality.Domain.Cycle;

/// <summary>
/// Indicator values for effectiveness analysis: the value of a target at an organisation in an academic year, or null
/// when there are no data (a summary metric from the result summaries, a catalogue indicator from its evaluation).
/// </summary>
public interface IIndicatorValues
{
    Task<double?> ValueAsync(string organizationCode, int year, TargetIndicator target, CancellationToken cancellationToken);
}
