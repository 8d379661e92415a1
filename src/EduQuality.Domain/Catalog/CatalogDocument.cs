namespace EduQuality.Domain.Catalog;

// The JSON shape of a catalogue document (directions.json, indicators.*.json, and the entries an override adds).
// Vocabulary fields stay strings here so that a bad value becomes a violation naming its entry, not a parse failure.

internal sealed record CatalogDocument
{
    public string? Description { get; init; }
    public List<DirectionEntry>? Directions { get; init; }
    public List<IndicatorEntry>? Indicators { get; init; }
}

internal sealed record DirectionEntry
{
    public string? Code { get; init; }
    public string? Group { get; init; }
    public string? NameRu { get; init; }
    public string? NameEn { get; init; }
    public List<DirectionSourceEntry>? Sources { get; init; }
    public bool? Enabled { get; init; }
}

internal sealed record DirectionSourceEntry
{
    public string? Document { get; init; }
    public string? NameRu { get; init; }
    public string? Coverage { get; init; }
}

internal sealed record IndicatorEntry
{
    public string? Code { get; init; }
    public string? Direction { get; init; }
    public string? NameRu { get; init; }
    public string? NameEn { get; init; }
    public string? Kind { get; init; }
    public string? Numerator { get; init; }
    public string? Denominator { get; init; }
    public List<string>? Variables { get; init; }
    public List<string>? Components { get; init; }
    public List<string>? Evidence { get; init; }
    public string? DynamicsOf { get; init; }
    public string? Unit { get; init; }
    public List<string>? Procedures { get; init; }
    public List<string>? Systems { get; init; }
    public List<string>? Levels { get; init; }
    public string? Rollup { get; init; }
    public string? Population { get; init; }
    public List<string>? Subjects { get; init; }
    public List<int>? Grades { get; init; }
    public PeriodicityEntry? Periodicity { get; init; }
    public TargetEntry? Target { get; init; }
    public IndicatorThresholds? Thresholds { get; init; }
    public bool? HigherIsBetter { get; init; }
    public bool NegativeConsequence { get; init; }
    public string? Explicitness { get; init; }
    public List<SourceEntry>? Sources { get; init; }
    public string? Note { get; init; }
    public bool? Enabled { get; init; }
}

internal sealed record PeriodicityEntry
{
    public string? Frequency { get; init; }
    public List<int>? Months { get; init; }
}

internal sealed record TargetEntry
{
    public decimal? Value { get; init; }
    public string? Comparator { get; init; }
}

internal sealed record SourceEntry
{
    public string? Document { get; init; }
    public string? Section { get; init; }
}
