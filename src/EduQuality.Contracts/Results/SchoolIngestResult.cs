namespace EduQuality.Contracts.Results;

/// <summary>What one school's part of a batch did.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SchoolIngestResult(
    [property: Id(0)] int Inserted,
    [property: Id(1)] int Corrected,
    [property: Id(2)] int Unchanged,
    [property: Id(3)] long Revision);
