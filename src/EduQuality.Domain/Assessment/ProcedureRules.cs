namespace EduQuality.Domain.Assessment;

/// <summary>What each procedure requires of a result row: its grades and which marks and scores it gives.</summary>
public static class ProcedureRules
{
    /// <summary>Grades in which the procedure is written.</summary>
    public static IReadOnlyCollection<int> Grades(ProcedureKind procedure) => procedure switch
    {
        ProcedureKind.Vpr => [4, 5, 6, 7, 8, 10],
        ProcedureKind.Oge => [9],
        ProcedureKind.Ege => [11],
        _ => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    };

    /// <summary>Whether every row must carry a mark 2–5 (ЕГЭ base mathematics is the one ЕГЭ subject with a mark).</summary>
    public static bool RequiresMark(ProcedureKind procedure, string subject) =>
        procedure is ProcedureKind.Vpr or ProcedureKind.Oge
        || (procedure == ProcedureKind.Ege && subject == SubjectCatalog.BaseMathematics);

    /// <summary>Whether every row must carry a 100-point test score.</summary>
    public static bool RequiresTestScore(ProcedureKind procedure, string subject) =>
        procedure == ProcedureKind.Ege && subject != SubjectCatalog.BaseMathematics;

    /// <summary>Whether the row may carry a term (journal) mark to compare with.</summary>
    public static bool AllowsTermMark(ProcedureKind procedure) => procedure is ProcedureKind.Vpr or ProcedureKind.RegionalDiagnostic or ProcedureKind.Niko;

    /// <summary>Whether a class label is required.</summary>
    public static bool RequiresClassLabel(ProcedureKind procedure) => procedure == ProcedureKind.Vpr;

    /// <summary>Russian short name for reports and messages.</summary>
    public static string RussianName(ProcedureKind procedure) => procedure switch
    {
        ProcedureKind.Vpr => "ВПР",
        ProcedureKind.Oge => "ОГЭ",
        ProcedureKind.Ege => "ЕГЭ",
        ProcedureKind.Niko => "НИКО",
        ProcedureKind.RegionalDiagnostic => "Региональная диагностика",
        _ => procedure.ToString(),
    };
}
