namespace EduQuality.Domain.Catalog;

/// <summary>A source document covering a direction, with the name it uses for it.</summary>
public sealed record DirectionSource(string Document, string NameRu, SourceCoverage Coverage);
