namespace EduQuality.Domain.Catalog;

/// <summary>
/// A measure (исходная величина) an indicator formula may use: what it counts or sums, from which procedures, and what
/// else the indicator must state to use it. The vocabulary is closed: computing a new measure needs code.
/// </summary>
public sealed record MeasureDefinition(
    string Code,
    MeasureRole Role,
    string Entity,
    IReadOnlyList<string> Procedures,
    MeasureRequirement Requires,
    string Description)
{
    /// <summary>Whether the measure can come from one of these procedures; a measure with no procedures fits any.</summary>
    public bool FitsAny(IEnumerable<string> procedures) =>
        Procedures.Count == 0 || procedures.Any(p => Procedures.Contains(p, StringComparer.Ordinal));
}
