using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Catalog;

/// <summary>
/// A source of indicator data (источник данных): an assessment procedure (оценочная процедура) or another collection
/// such as a site check or a social monitoring. <see cref="Kind"/> links the assessment procedures to results.
/// </summary>
public sealed record ProcedureDefinition(string Code, string NameRu, string NameEn, ProcedureKind? Kind);
