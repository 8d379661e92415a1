namespace EduQuality.Domain.Catalog;

/// <summary>A term of the catalogue vocabulary: a source system, an evidence type or a population.</summary>
public sealed record VocabularyTerm(string Code, string NameRu, string NameEn);
