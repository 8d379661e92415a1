using EduQuality.Domain.Reference;

namespace EduQuality.Domain.Assessment;

/// <summary>Derives the counted facts of a validated result row with the thresholds in force.</summary>
public static class ResultFactsDeriver
{
    public static ResultFacts Derive(ResultRecord row, ThresholdTable thresholds)
    {
        var scale = ScoreScales.For(row.Procedure, row.Subject);
        var score = scale == ScoreScale.Test ? row.TestScore ?? 0 : row.PrimaryScore;
        return new ResultFacts
        {
            Score = score,
            Mark = row.Mark,
            BelowMinimum = BelowMinimum(row, thresholds),
            HighScorer = thresholds.IsHighScorer(row.Procedure, row.Subject, row.Year, row.Mark, row.TestScore),
            TermComparison = TermComparison(row.Mark, row.TermMark),
            TaskPoints = row.TaskPoints,
            TaskMaxPoints = row.TaskMaxPoints,
        };
    }

    /// <summary>Sign of (mark − term mark): −1 lowered (понизили), 0 confirmed, +1 raised (повысили); null without both.</summary>
    public static int? TermComparison(int? mark, int? termMark) =>
        mark is { } m && termMark is { } t ? Math.Sign(m - t) : null;

    private static bool? BelowMinimum(ResultRecord row, ThresholdTable thresholds)
    {
        if (row.PassedMinimum is { } passed)
        {
            return !passed;
        }

        if (row.Mark is { } mark)
        {
            return mark < 3;
        }

        if (row.TestScore is { } testScore && thresholds.EgeMinimum(row.Subject, row.Year) is { } minimum)
        {
            return testScore < minimum;
        }

        return null;
    }
}
