namespace EduQuality.Domain.Assessment;

/// <summary>
/// A conversion scale from primary score to mark 2–5 (шкала перевода первичных баллов в отметки) for one work:
/// a procedure, subject and grade, in force from <see cref="FromYear"/> until a later scale for the same work replaces it.
/// </summary>
/// <param name="Procedure">The assessment procedure.</param>
/// <param name="Subject">Subject code from the subject catalogue.</param>
/// <param name="Grade">Grade in which the work is written.</param>
/// <param name="FromYear">First academic year (by its ending calendar year) in which the scale applies.</param>
/// <param name="MaxPrimaryScore">Maximum primary score of the work.</param>
/// <param name="MinScoreFor3">Lowest primary score that earns «3».</param>
/// <param name="MinScoreFor4">Lowest primary score that earns «4».</param>
/// <param name="MinScoreFor5">Lowest primary score that earns «5».</param>
/// <param name="Note">Where the numbers come from; says so when they are engineering defaults rather than official.</param>
public sealed record MarkScale(
    ProcedureKind Procedure,
    string Subject,
    int Grade,
    int FromYear,
    int MaxPrimaryScore,
    int MinScoreFor3,
    int MinScoreFor4,
    int MinScoreFor5,
    string? Note)
{
    /// <summary>The mark 2–5 for a primary score between 0 and <see cref="MaxPrimaryScore"/>.</summary>
    public int MarkFor(int primaryScore)
    {
        if (primaryScore < 0 || primaryScore > MaxPrimaryScore)
        {
            throw new ArgumentOutOfRangeException(
                nameof(primaryScore), primaryScore, $"Primary score must be 0..{MaxPrimaryScore} for {Describe()}.");
        }

        if (primaryScore >= MinScoreFor5)
        {
            return 5;
        }

        if (primaryScore >= MinScoreFor4)
        {
            return 4;
        }

        return primaryScore >= MinScoreFor3 ? 3 : 2;
    }

    /// <summary>A short description for messages, for example "Oge RU grade 9 from 2025".</summary>
    public string Describe() => $"{Procedure} {Subject} grade {Grade} from {FromYear}";
}
