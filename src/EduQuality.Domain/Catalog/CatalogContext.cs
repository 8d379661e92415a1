namespace EduQuality.Domain.Catalog;

/// <summary>What the rules check an entry against: the vocabulary and the codes defined anywhere in the catalogue.</summary>
internal sealed record CatalogContext(
    CatalogVocabulary Vocabulary,
    IReadOnlySet<string> DirectionCodes,
    IReadOnlySet<string> IndicatorCodes);
