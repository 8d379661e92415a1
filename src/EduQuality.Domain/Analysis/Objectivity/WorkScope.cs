using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// What a sign is about within a school (срез): one work (procedure, subject, grade), several small works of one subject
/// pooled over grades, or one class of a work.
/// </summary>
/// <param name="Procedure">The procedure.</param>
/// <param name="Subject">Subject code, or the subject family for a cross-procedure sign.</param>
/// <param name="Grades">Grades, ascending; more than one when small works were pooled.</param>
/// <param name="ClassLabel">The class, or null for the whole school.</param>
public sealed record WorkScope(ProcedureKind Procedure, string Subject, IReadOnlyList<int> Grades, string? ClassLabel)
{
    /// <summary>One work of the whole school.</summary>
    public static WorkScope Of(ProcedureKind procedure, string subject, int grade) => new(procedure, subject, [grade], null);

    /// <summary>Whether small works of several grades were pooled.</summary>
    public bool IsPooled => Grades.Count > 1;

    /// <summary>The same scope for the whole school.</summary>
    public WorkScope WholeSchool() => this with { ClassLabel = null };

    public bool Equals(WorkScope? other) =>
        other is not null
        && Procedure == other.Procedure
        && string.Equals(Subject, other.Subject, StringComparison.Ordinal)
        && Grades.SequenceEqual(other.Grades)
        && string.Equals(ClassLabel, other.ClassLabel, StringComparison.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Procedure);
        hash.Add(Subject, StringComparer.Ordinal);
        foreach (var grade in Grades)
        {
            hash.Add(grade);
        }

        hash.Add(ClassLabel, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"{Procedure} {Subject} grade {string.Join("+", Grades)}" + (ClassLabel is null ? "" : $" class {ClassLabel}");
}
