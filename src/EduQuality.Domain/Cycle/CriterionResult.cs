namespace EduQuality.Domain.Cycle;

/// <summary>How one criterion came out: met by a document, by data, or not met.</summary>
public sealed record CriterionResult(CriterionDefinition Criterion, bool Met, bool ByEvidence, bool ByData);
