namespace EduQuality.Demo;

/// <summary>An anomaly planted at one school, with what it touched and why.</summary>
/// <param name="SchoolCode">Code of the school.</param>
/// <param name="Kind">The kind of anomaly.</param>
/// <param name="Years">Years in which the anomaly is present.</param>
/// <param name="Slices">ВПР works altered (for inflation); empty when every work of the listed years is affected.</param>
/// <param name="Reason">A readable account of what was planted.</param>
public sealed record PlantedAnomaly(
    string SchoolCode,
    PlantedAnomalyKind Kind,
    IReadOnlyList<int> Years,
    IReadOnlyList<PlantedSlice> Slices,
    string Reason);
