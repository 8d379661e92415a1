using System.Text.Json.Serialization;
using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Summaries;

/// <summary>
/// Mergeable statistics of one slice (сводные результаты): counts, sums and a histogram, never percentages,
/// so that merging two summaries is addition and removing a contribution is subtraction.
/// </summary>
public sealed class ResultSummary
{
    public long Participants { get; set; }

    /// <summary>Participants per mark: [0] = «2» … [3] = «5».</summary>
    public long[] MarkCounts { get; set; } = new long[4];
    public long ScoreSum { get; set; }
    public long ScoreSumOfSquares { get; set; }
    public ScoreHistogram Histogram { get; set; } = new();

    /// <summary>Participants whose minimum threshold is known (denominator of the below-minimum share).</summary>
    public long MinimumKnown { get; set; }
    public long BelowMinimum { get; set; }
    public long HighScorers { get; set; }
    public long TermLowered { get; set; }
    public long TermConfirmed { get; set; }
    public long TermRaised { get; set; }

    /// <summary>Per-task totals, index = task number − 1.</summary>
    public List<TaskTotals> Tasks { get; set; } = [];

    [JsonIgnore]
    public bool IsEmpty => Participants == 0;

    [JsonIgnore]
    public long MarkedParticipants => MarkCounts.Sum();

    [JsonIgnore]
    public double MeanScore => Participants == 0 ? 0 : (double)ScoreSum / Participants;

    /// <summary>Population standard deviation of the score.</summary>
    [JsonIgnore]
    public double ScoreStandardDeviation
    {
        get
        {
            if (Participants == 0)
            {
                return 0;
            }

            var mean = MeanScore;
            return Math.Sqrt(Math.Max(0, ((double)ScoreSumOfSquares / Participants) - (mean * mean)));
        }
    }

    [JsonIgnore]
    public double MeanMark
    {
        get
        {
            var marked = MarkedParticipants;
            return marked == 0 ? 0 : (double)((2 * MarkCounts[0]) + (3 * MarkCounts[1]) + (4 * MarkCounts[2]) + (5 * MarkCounts[3])) / marked;
        }
    }

    /// <summary>Share of «2» among participants with a mark (доля «2»).</summary>
    [JsonIgnore]
    public double ShareMark2 => Share(MarkCounts[0], MarkedParticipants);

    [JsonIgnore]
    public double ShareBelowMinimum => Share(BelowMinimum, MinimumKnown);

    [JsonIgnore]
    public double ShareHighScorers => Share(HighScorers, Participants);

    /// <summary>Adds (sign +1) or removes (sign −1) one result.</summary>
    public void Apply(ResultFacts facts, int sign)
    {
        // The histogram refuses a removal it cannot make; doing it first leaves the summary untouched in that case.
        Histogram.Add(facts.Score, sign);
        Participants += sign;
        if (facts.Mark is { } mark)
        {
            MarkCounts[mark - 2] += sign;
        }

        ScoreSum += sign * facts.Score;
        ScoreSumOfSquares += sign * (long)facts.Score * facts.Score;
        if (facts.BelowMinimum is { } below)
        {
            MinimumKnown += sign;
            BelowMinimum += below ? sign : 0;
        }

        HighScorers += facts.HighScorer ? sign : 0;
        switch (facts.TermComparison)
        {
            case < 0:
                TermLowered += sign;
                break;
            case 0:
                TermConfirmed += sign;
                break;
            case > 0:
                TermRaised += sign;
                break;
        }

        for (var i = 0; i < facts.TaskPoints.Length; i++)
        {
            var task = TaskAt(i);
            task.Participants += sign;
            task.Points += sign * facts.TaskPoints[i];
            task.MaxPoints += sign * facts.TaskMaxPoints[i];
        }

        TrimTasks();
    }

    /// <summary>Adds (sign +1) or subtracts (sign −1) another summary.</summary>
    public void Merge(ResultSummary other, int sign)
    {
        Participants += sign * other.Participants;
        for (var i = 0; i < MarkCounts.Length; i++)
        {
            MarkCounts[i] += sign * other.MarkCounts[i];
        }

        ScoreSum += sign * other.ScoreSum;
        ScoreSumOfSquares += sign * other.ScoreSumOfSquares;
        Histogram.Merge(other.Histogram, sign);
        MinimumKnown += sign * other.MinimumKnown;
        BelowMinimum += sign * other.BelowMinimum;
        HighScorers += sign * other.HighScorers;
        TermLowered += sign * other.TermLowered;
        TermConfirmed += sign * other.TermConfirmed;
        TermRaised += sign * other.TermRaised;
        for (var i = 0; i < other.Tasks.Count; i++)
        {
            var task = TaskAt(i);
            task.Participants += sign * other.Tasks[i].Participants;
            task.Points += sign * other.Tasks[i].Points;
            task.MaxPoints += sign * other.Tasks[i].MaxPoints;
        }

        TrimTasks();
    }

    public ResultSummary Clone()
    {
        var copy = new ResultSummary();
        copy.Merge(this, 1);
        return copy;
    }

    private static double Share(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private TaskTotals TaskAt(int index)
    {
        while (Tasks.Count <= index)
        {
            Tasks.Add(new TaskTotals());
        }

        return Tasks[index];
    }

    private void TrimTasks()
    {
        while (Tasks.Count > 0 && Tasks[^1].IsEmpty)
        {
            Tasks.RemoveAt(Tasks.Count - 1);
        }
    }
}
