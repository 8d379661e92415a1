namespace EduQuality.Domain.Catalog;

// The JSON shape of a regional override (региональный профиль): which directions are on, what targets and thresholds
// change, and which local directions and indicators are added.

internal sealed record OverrideDocument
{
    public string? Profile { get; init; }
    public string? Description { get; init; }
    public List<string>? EnabledDirections { get; init; }
    public List<string>? DisabledDirections { get; init; }
    public List<DirectionEntry>? Directions { get; init; }
    public List<IndicatorEntry>? Indicators { get; init; }
    public List<IndicatorChange>? Changes { get; init; }
}

internal sealed record IndicatorChange
{
    public string? Code { get; init; }
    public TargetEntry? Target { get; init; }
    public IndicatorThresholds? Thresholds { get; init; }
    public bool? Enabled { get; init; }
}
