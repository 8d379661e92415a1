using EduQuality.Domain.Assessment;

namespace EduQuality.Demo.Scoring;

/// <summary>One work (работа) of a year: its tasks, their difficulty, its mark scale and how to score it.</summary>
internal sealed class WorkDefinition
{
    public required ProcedureKind Procedure { get; init; }

    public required string Subject { get; init; }

    public required int Grade { get; init; }

    public required int MaxPrimaryScore { get; init; }

    /// <summary>Maximum points per task; sums to <see cref="MaxPrimaryScore"/>.</summary>
    public required int[] TaskMaxPoints { get; init; }

    /// <summary>Difficulty of each task relative to <see cref="Location"/>; later tasks are harder.</summary>
    public required double[] TaskOffsets { get; init; }

    /// <summary>Ability at which a student is expected to reach the work's target share of the maximum.</summary>
    public required double Location { get; init; }

    /// <summary>The mark scale for ВПР, ОГЭ and ЕГЭ base mathematics; null for 100-point ЕГЭ.</summary>
    public required MarkScale? Scale { get; init; }

    public int TaskCount => TaskMaxPoints.Length;
}
