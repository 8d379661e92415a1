using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Summaries;

/// <summary>
/// A slice of results within one organisation and academic year: procedure, subject, grade and class
/// (empty class label = the whole organisation, or rows delivered without a class).
/// </summary>
public readonly record struct SliceKey(ProcedureKind Procedure, string Subject, int Grade, string ClassLabel)
{
    /// <summary>The same slice for the whole organisation.</summary>
    public SliceKey ToWholeOrganization() => this with { ClassLabel = "" };

    public static SliceKey Of(ResultRecord row) => new(row.Procedure, row.Subject, row.Grade, row.ClassLabel);
}
