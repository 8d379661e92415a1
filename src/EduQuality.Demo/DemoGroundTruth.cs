namespace EduQuality.Demo;

/// <summary>What was planted in the demo region, for checking that the analysis finds it.</summary>
/// <param name="InflatedSchools">Schools with inflated ВПР results in some works and years.</param>
/// <param name="LowResultSchools">Schools with persistently low results in adverse context.</param>
/// <param name="Anomalies">Every planted anomaly with its years, works and reason, ordered by school code.</param>
public sealed record DemoGroundTruth(
    IReadOnlySet<string> InflatedSchools,
    IReadOnlySet<string> LowResultSchools,
    IReadOnlyList<PlantedAnomaly> Anomalies)
{
    /// <summary>The anomalies planted at one school (none for an ordinary school).</summary>
    public IEnumerable<PlantedAnomaly> For(string schoolCode) =>
        Anomalies.Where(a => string.Equals(a.SchoolCode, schoolCode, StringComparison.Ordinal));

    /// <summary>Whether the ВПР work of the school in that year, grade and subject was inflated.</summary>
    public bool IsInflated(string schoolCode, int year, int grade, string subject) =>
        For(schoolCode).Any(a => a.Kind == PlantedAnomalyKind.InflatedVpr && a.Slices.Contains(new PlantedSlice(year, grade, subject)));
}
