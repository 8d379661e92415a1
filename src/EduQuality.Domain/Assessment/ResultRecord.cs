namespace EduQuality.Domain.Assessment;

/// <summary>
/// One participant's result in one work (результат участника). The natural key is
/// (procedure, year, subject, grade, participant code); see <see cref="ResultKey"/>.
/// </summary>
public sealed record ResultRecord
{
    public required ProcedureKind Procedure { get; init; }
    public required int Year { get; init; }
    public required string ParticipantCode { get; init; }
    public required string SchoolCode { get; init; }
    public string ClassLabel { get; init; } = "";
    public required int Grade { get; init; }
    public required string Subject { get; init; }
    public required int PrimaryScore { get; init; }
    public required int MaxPrimaryScore { get; init; }
    public int? Mark { get; init; }
    public int? TestScore { get; init; }
    public bool? PassedMinimum { get; init; }
    public int? TermMark { get; init; }
    public int[] TaskPoints { get; init; } = [];
    public int[] TaskMaxPoints { get; init; } = [];

    /// <summary>The natural key of this row.</summary>
    public ResultKey Key => new(Procedure, Year, Subject, Grade, ParticipantCode);

    /// <summary>Whether another row for the same key carries exactly the same values (a resend, not a correction).</summary>
    public bool HasSameValuesAs(ResultRecord other) =>
        Key == other.Key
        && SchoolCode == other.SchoolCode
        && ClassLabel == other.ClassLabel
        && PrimaryScore == other.PrimaryScore
        && MaxPrimaryScore == other.MaxPrimaryScore
        && Mark == other.Mark
        && TestScore == other.TestScore
        && PassedMinimum == other.PassedMinimum
        && TermMark == other.TermMark
        && TaskPoints.AsSpan().SequenceEqual(other.TaskPoints)
        && TaskMaxPoints.AsSpan().SequenceEqual(other.TaskMaxPoints);
}
