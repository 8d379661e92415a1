namespace EduQuality.Domain.Cycle;

/// <summary>A direction cycles run in: one of the nine federal ones of the catalogue, or a region's local addition.</summary>
public sealed record CycleDirection(string Code, string NameRu, bool Federal, string? Region);
