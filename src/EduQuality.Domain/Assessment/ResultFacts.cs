namespace EduQuality.Domain.Assessment;

/// <summary>
/// What a summary counts of one result, derived at ingest with the thresholds in force: the score on the
/// procedure's scale, the mark, the minimum-threshold and high-score flags and the comparison with the term mark.
/// </summary>
public sealed record ResultFacts
{
    /// <summary>Score on the slice's scale: the 100-point test score for ЕГЭ, the primary score otherwise.</summary>
    public required int Score { get; init; }
    public int? Mark { get; init; }

    /// <summary>True when below the minimum threshold; null when no threshold is known for the row.</summary>
    public bool? BelowMinimum { get; init; }
    public required bool HighScorer { get; init; }

    /// <summary>Sign of (mark − term mark): −1 lowered, 0 confirmed, +1 raised; null without both marks.</summary>
    public int? TermComparison { get; init; }
    public int[] TaskPoints { get; init; } = [];
    public int[] TaskMaxPoints { get; init; } = [];
}
