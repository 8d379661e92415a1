using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Tests.Assessment;

/// <summary>Fully valid result rows of each kind, to be spoiled one field at a time.</summary>
internal static class Rows
{
    public const int Year = 2025;
    public const string School = "SCH-1";

    /// <summary>ВПР Russian, grade 4, class 4А: 20 of 24, «4», term mark «4», tasks 10 + 10.</summary>
    public static ResultRecord Vpr(string participant = "P0001") => new()
    {
        Procedure = ProcedureKind.Vpr,
        Year = Year,
        ParticipantCode = participant,
        SchoolCode = School,
        ClassLabel = "4А",
        Grade = 4,
        Subject = "RU",
        PrimaryScore = 20,
        MaxPrimaryScore = 24,
        Mark = 4,
        TermMark = 4,
        TaskPoints = [10, 10],
        TaskMaxPoints = [12, 12],
    };

    /// <summary>ОГЭ mathematics, grade 9, no class: 20 of 31, «4».</summary>
    public static ResultRecord Oge(string participant = "P0001") => new()
    {
        Procedure = ProcedureKind.Oge,
        Year = Year,
        ParticipantCode = participant,
        SchoolCode = School,
        Grade = 9,
        Subject = "MA",
        PrimaryScore = 20,
        MaxPrimaryScore = 31,
        Mark = 4,
    };

    /// <summary>ЕГЭ Russian, grade 11: primary 40 of 50, test score 80, no mark.</summary>
    public static ResultRecord Ege(string participant = "P0001") => new()
    {
        Procedure = ProcedureKind.Ege,
        Year = Year,
        ParticipantCode = participant,
        SchoolCode = School,
        ClassLabel = "11А",
        Grade = 11,
        Subject = "RU",
        PrimaryScore = 40,
        MaxPrimaryScore = 50,
        TestScore = 80,
    };

    /// <summary>ЕГЭ base mathematics, grade 11: primary 15 of 21, «4», no test score.</summary>
    public static ResultRecord EgeBaseMathematics(string participant = "P0001") => Ege(participant) with
    {
        Subject = SubjectCatalog.BaseMathematics,
        PrimaryScore = 15,
        MaxPrimaryScore = 21,
        Mark = 4,
        TestScore = null,
    };

    /// <summary>The valid row of a procedure (НИКО and regional diagnostics: grade 5 mathematics with a mark).</summary>
    public static ResultRecord ValidFor(ProcedureKind procedure, string participant = "P0001") => procedure switch
    {
        ProcedureKind.Vpr => Vpr(participant),
        ProcedureKind.Oge => Oge(participant),
        ProcedureKind.Ege => Ege(participant),
        _ => Oge(participant) with { Procedure = procedure, Grade = 5, ClassLabel = "5А" },
    };
}
