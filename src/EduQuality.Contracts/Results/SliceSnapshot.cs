using EduQuality.Domain.Summaries;

namespace EduQuality.Contracts.Results;

/// <summary>One slice's summary at a version; <see cref="Summary"/> is null when the slice has no data.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SliceSnapshot([property: Id(0)] long Version, [property: Id(1)] ResultSummary? Summary);
