namespace EduQuality.Domain.Catalog;

/// <summary>Where an entry comes from (ссылка на источник): the source document number (000–004) and the section, table or item in it.</summary>
public sealed record SourceReference(string Document, string Section);
