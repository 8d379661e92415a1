using System.Text.Json;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Tests.Summaries;

public sealed class ResultSummaryTests
{
    // Five hand-made results. Scores 10..50, marks «2», «3», «5», none, «4»;
    // minimum known for A, B and D (A below); high scorers C and D; term: A lowered, B and E confirmed, C raised.
    private static readonly ResultFacts A = new()
    {
        Score = 10, Mark = 2, BelowMinimum = true, HighScorer = false, TermComparison = -1,
        TaskPoints = [1, 0], TaskMaxPoints = [2, 2],
    };

    private static readonly ResultFacts B = new()
    {
        Score = 20, Mark = 3, BelowMinimum = false, HighScorer = false, TermComparison = 0,
        TaskPoints = [2, 1, 3], TaskMaxPoints = [2, 2, 3],
    };

    private static readonly ResultFacts C = new() { Score = 30, Mark = 5, BelowMinimum = null, HighScorer = true, TermComparison = 1 };

    private static readonly ResultFacts D = new() { Score = 40, Mark = null, BelowMinimum = false, HighScorer = true, TermComparison = null };

    private static readonly ResultFacts E = new() { Score = 50, Mark = 4, BelowMinimum = null, HighScorer = false, TermComparison = 0 };

    private static ResultSummary Applied(params ResultFacts[] facts)
    {
        var summary = new ResultSummary();
        foreach (var f in facts)
        {
            summary.Apply(f, 1);
        }

        return summary;
    }

    private static string Json(ResultSummary summary) => JsonSerializer.Serialize(summary, SummaryJson.Options);

    [Fact]
    public void Apply_CountsEveryField()
    {
        var summary = Applied(A, B, C, D, E);

        Assert.Equal(5, summary.Participants);
        Assert.Equal([1L, 1L, 1L, 1L], summary.MarkCounts);
        Assert.Equal(4, summary.MarkedParticipants);
        Assert.Equal(150, summary.ScoreSum);
        Assert.Equal(100 + 400 + 900 + 1600 + 2500, summary.ScoreSumOfSquares);
        Assert.Equal(5, summary.Histogram.Total);
        Assert.Equal(3, summary.MinimumKnown);
        Assert.Equal(1, summary.BelowMinimum);
        Assert.Equal(2, summary.HighScorers);
        Assert.Equal(1, summary.TermLowered);
        Assert.Equal(2, summary.TermConfirmed);
        Assert.Equal(1, summary.TermRaised);
        Assert.False(summary.IsEmpty);
    }

    [Fact]
    public void DerivedValues_FromHandCheckedCounts()
    {
        var summary = Applied(A, B, C, D, E);

        Assert.Equal(30.0, summary.MeanScore, 12);

        // Population: (10² + 20² + 30² + 40² + 50²) / 5 − 30² = 1100 − 900 = 200.
        Assert.Equal(Math.Sqrt(200), summary.ScoreStandardDeviation, 12);
        Assert.Equal(3.5, summary.MeanMark, 12);
        Assert.Equal(0.25, summary.ShareMark2, 12);

        // Denominator is MinimumKnown (3: A, B and D), not Participants (5).
        Assert.Equal(1.0 / 3.0, summary.ShareBelowMinimum, 12);
        Assert.Equal(0.4, summary.ShareHighScorers, 12);
    }

    [Fact]
    public void ScoreStandardDeviation_IsThePopulationDeviation()
    {
        // Scores 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population deviation exactly 2 (sample deviation would be 2.138).
        var summary = new ResultSummary();
        foreach (var score in new[] { 2, 4, 4, 4, 5, 5, 7, 9 })
        {
            summary.Apply(new ResultFacts { Score = score, HighScorer = false }, 1);
        }

        Assert.Equal(5.0, summary.MeanScore, 12);
        Assert.Equal(2.0, summary.ScoreStandardDeviation, 12);
    }

    [Fact]
    public void ScoreStandardDeviation_OfEqualScores_IsZero()
    {
        var summary = Applied(E, E with { Mark = 5 }, E with { Mark = 3 });

        Assert.Equal(50.0, summary.MeanScore, 12);
        Assert.Equal(0.0, summary.ScoreStandardDeviation, 12);
    }

    [Fact]
    public void DerivedValues_OfEmptySummary_AreZero()
    {
        var summary = new ResultSummary();

        Assert.True(summary.IsEmpty);
        Assert.Equal(0.0, summary.MeanScore);
        Assert.Equal(0.0, summary.ScoreStandardDeviation);
        Assert.Equal(0.0, summary.MeanMark);
        Assert.Equal(0.0, summary.ShareMark2);
        Assert.Equal(0.0, summary.ShareBelowMinimum);
        Assert.Equal(0.0, summary.ShareHighScorers);
    }

    [Fact]
    public void MeanMarkAndShareMark2_IgnoreParticipantsWithoutAMark()
    {
        // D has no mark: mean over C «5» only, share of «2» 0 of 1.
        var summary = Applied(C, D);

        Assert.Equal(5.0, summary.MeanMark, 12);
        Assert.Equal(0.0, summary.ShareMark2, 12);
        Assert.Equal(35.0, summary.MeanScore, 12);
    }

    [Fact]
    public void ShareBelowMinimum_WithNoKnownMinimum_IsZero()
    {
        var summary = Applied(C, E);

        Assert.Equal(0, summary.MinimumKnown);
        Assert.Equal(0.0, summary.ShareBelowMinimum);
    }

    [Fact]
    public void Apply_TaskTotals_PoolPointsPerTask()
    {
        var summary = Applied(A, B, C);

        Assert.Equal(3, summary.Tasks.Count);
        Assert.Equal((2L, 3L, 4L), (summary.Tasks[0].Participants, summary.Tasks[0].Points, summary.Tasks[0].MaxPoints));
        Assert.Equal((2L, 1L, 4L), (summary.Tasks[1].Participants, summary.Tasks[1].Points, summary.Tasks[1].MaxPoints));
        Assert.Equal((1L, 3L, 3L), (summary.Tasks[2].Participants, summary.Tasks[2].Points, summary.Tasks[2].MaxPoints));
        Assert.Equal(0.75, summary.Tasks[0].Success, 12);
        Assert.Equal(0.25, summary.Tasks[1].Success, 12);
        Assert.Equal(1.0, summary.Tasks[2].Success, 12);
    }

    [Fact]
    public void Apply_RemovingTheOnlyLongResult_TrimsTrailingEmptyTasks()
    {
        var summary = Applied(A, B);

        summary.Apply(B, -1);

        Assert.Equal(2, summary.Tasks.Count);
        Assert.Equal((1L, 1L, 2L), (summary.Tasks[0].Participants, summary.Tasks[0].Points, summary.Tasks[0].MaxPoints));
        Assert.Equal((1L, 0L, 2L), (summary.Tasks[1].Participants, summary.Tasks[1].Points, summary.Tasks[1].MaxPoints));
    }

    [Fact]
    public void Apply_ResultWithoutTasks_AddsNoTasks()
    {
        var summary = Applied(C, D);

        Assert.Empty(summary.Tasks);
    }

    [Fact]
    public void Apply_PlusThenMinus_ReturnsToEmpty()
    {
        var summary = Applied(A, B, C, D, E);

        foreach (var f in new[] { C, A, E, B, D })
        {
            summary.Apply(f, -1);
        }

        Assert.True(summary.IsEmpty);
        Assert.Equal([0L, 0L, 0L, 0L], summary.MarkCounts);
        Assert.Equal(0, summary.ScoreSum);
        Assert.Equal(0, summary.ScoreSumOfSquares);
        Assert.Empty(summary.Histogram.Entries);
        Assert.Empty(summary.Tasks);
        Assert.Equal(0, summary.MinimumKnown);
        Assert.Equal(0, summary.BelowMinimum);
        Assert.Equal(0, summary.HighScorers);
        Assert.Equal((0L, 0L, 0L), (summary.TermLowered, summary.TermConfirmed, summary.TermRaised));
        Assert.Equal(Json(new ResultSummary()), Json(summary));
    }

    [Fact]
    public void Correction_MinusOldPlusNew_EqualsApplyingTheNewOnly()
    {
        var corrected = A with { Score = 12, Mark = 3, BelowMinimum = false, TermComparison = 0, TaskPoints = [2, 0] };
        var summary = Applied(A, B);

        summary.Apply(A, -1);
        summary.Apply(corrected, 1);

        Assert.Equal(Json(Applied(B, corrected)), Json(summary));
    }

    [Fact]
    public void Merge_OfTwoSummaries_EqualsApplyingAllRowsToOne()
    {
        var left = Applied(A, B);
        var right = Applied(C, D, E);

        left.Merge(right, 1);

        Assert.Equal(Json(Applied(A, B, C, D, E)), Json(left));
        Assert.Equal(5, left.Participants);
        Assert.Equal(30.0, left.MeanScore, 12);
    }

    [Fact]
    public void Merge_PlusThenMinus_RestoresTheOriginal()
    {
        var summary = Applied(C, D);
        var before = Json(summary);
        var other = Applied(A, B, E);

        summary.Merge(other, 1);
        summary.Merge(other, -1);

        Assert.Equal(before, Json(summary));
        Assert.Empty(summary.Tasks);
    }

    [Fact]
    public void Merge_MinusItsOwnCopy_LeavesEmpty()
    {
        var summary = Applied(A, B, C, D, E);

        summary.Merge(summary.Clone(), -1);

        Assert.True(summary.IsEmpty);
        Assert.Equal(Json(new ResultSummary()), Json(summary));
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var original = Applied(A, B);
        var before = Json(original);

        var copy = original.Clone();
        copy.Apply(C, 1);
        copy.Apply(A, -1);

        Assert.Equal(before, Json(original));
        Assert.Equal(Json(Applied(B, C)), Json(copy));
    }

    [Fact]
    public void Json_UsesCamelCaseAndLeavesOutDerivedValues()
    {
        var json = Json(Applied(A));

        Assert.Contains("\"participants\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"markCounts\":[1,0,0,0]", json, StringComparison.Ordinal);
        Assert.Contains("\"histogram\":[10,1]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("meanScore", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isEmpty", json, StringComparison.Ordinal);
        Assert.DoesNotContain("success", json, StringComparison.Ordinal);
    }
}
