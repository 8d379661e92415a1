using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;

namespace EduQuality.Demo.Tests;

/// <summary>The ingest validation rules a demo row must satisfy, written out independently of the generator.</summary>
internal static class RowRules
{
    /// <summary>The rule the row breaks, or null when it satisfies all of them.</summary>
    public static string? Violation(ResultBatch batch, ResultRow row)
    {
        var procedure = (ProcedureKind)(int)batch.Procedure;
        var expectedGrades = procedure switch
        {
            ProcedureKind.Vpr => new[] { 4, 5, 6, 7, 8, 10 },
            ProcedureKind.Oge => [9],
            ProcedureKind.Ege => [11],
            _ => [],
        };
        var isBaseMaths = row.Subject == "MAB";
        return row switch
        {
            _ when !expectedGrades.Contains(row.Grade) => $"grade {row.Grade} not written in {procedure}",
            _ when !SubjectCatalog.IsKnown(row.Subject) => $"unknown subject {row.Subject}",
            _ when row.MaxPrimaryScore <= 0 => "max_primary_score not positive",
            _ when row.PrimaryScore < 0 || row.PrimaryScore > row.MaxPrimaryScore => $"primary {row.PrimaryScore} outside 0..{row.MaxPrimaryScore}",
            _ when row.TaskPoints.Count == 0 || row.TaskPoints.Count != row.TaskMaxPoints.Count => "task arrays missing or of different lengths",
            _ when row.TaskPoints.Zip(row.TaskMaxPoints).Any(p => p.First < 0 || p.First > p.Second) => "task points outside 0..task max",
            _ when row.TaskPoints.Sum() != row.PrimaryScore => "task points do not sum to the primary score",
            _ when row.TaskMaxPoints.Sum() != row.MaxPrimaryScore => "task maxima do not sum to the maximum",
            _ when procedure is ProcedureKind.Vpr or ProcedureKind.Oge && !row.HasMark => "mark missing",
            _ when procedure == ProcedureKind.Ege && isBaseMaths && !row.HasMark => "mark missing for base mathematics",
            _ when row.HasMark && (row.Mark < 2 || row.Mark > 5) => $"mark {row.Mark} outside 2..5",
            _ when procedure == ProcedureKind.Ege && !isBaseMaths && !row.HasTestScore => "test score missing",
            _ when procedure != ProcedureKind.Ege && row.HasTestScore => "test score outside ЕГЭ",
            _ when row.HasTestScore && (row.TestScore < 0 || row.TestScore > 100) => $"test score {row.TestScore} outside 0..100",
            _ when procedure == ProcedureKind.Vpr && string.IsNullOrEmpty(row.ClassLabel) => "class label missing",
            _ when procedure != ProcedureKind.Vpr && row.HasTermMark => "term mark outside ВПР",
            _ when row.HasTermMark && (row.TermMark < 2 || row.TermMark > 5) => $"term mark {row.TermMark} outside 2..5",
            _ => null,
        };
    }
}
