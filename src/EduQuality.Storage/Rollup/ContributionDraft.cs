namespace EduQuality.Storage.Rollup;

/// <summary>A child's whole contribution, addressed to its parent for the year, serialized.</summary>
public sealed record ContributionDraft(string ParentCode, string PayloadJson);
