using EduQuality.Domain.Summaries;

namespace EduQuality.Contracts.Results;

/// <summary>An organisation's summaries for one year at a version.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SummarySnapshot([property: Id(0)] long Version, [property: Id(1)] SummarySet Summaries);
