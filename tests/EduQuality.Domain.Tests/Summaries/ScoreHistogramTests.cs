using System.Text.Json;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Tests.Summaries;

public sealed class ScoreHistogramTests
{
    private static ScoreHistogram Of(params int[] scores)
    {
        var histogram = new ScoreHistogram();
        foreach (var score in scores)
        {
            histogram.Add(score, 1);
        }

        return histogram;
    }

    private static List<(int Score, long Count)> EntriesOf(ScoreHistogram histogram) =>
        histogram.Entries.Select(e => (e.Key, e.Value)).ToList();

    [Fact]
    public void Add_KeepsEntriesAscendingByScoreAndCountsTotal()
    {
        var histogram = Of(10, 2, 3, 2, 1);

        Assert.Equal([(1, 1L), (2, 2L), (3, 1L), (10, 1L)], EntriesOf(histogram));
        Assert.Equal(5, histogram.Total);
        Assert.Equal(4, histogram.Count);
        Assert.Equal(2, histogram[2]);
        Assert.Equal(0, histogram[7]);
    }

    [Fact]
    public void Add_ZeroCount_ChangesNothing()
    {
        var histogram = Of(5);

        histogram.Add(7, 0);

        Assert.Equal([(5, 1L)], EntriesOf(histogram));
        Assert.Equal(1, histogram.Total);
    }

    [Fact]
    public void Add_NegativeCount_RemovesParticipants()
    {
        var histogram = new ScoreHistogram();
        histogram.Add(4, 3);

        histogram.Add(4, -2);

        Assert.Equal(1, histogram[4]);
        Assert.Equal(1, histogram.Total);
        Assert.Equal(1, histogram.Count);
    }

    [Fact]
    public void Add_RemovingToZero_DropsTheEntry()
    {
        var histogram = Of(1, 2, 2, 3);

        histogram.Add(2, -2);

        Assert.Equal([(1, 1L), (3, 1L)], EntriesOf(histogram));
        Assert.Equal(2, histogram.Total);
        Assert.Equal(2, histogram.Count);
        Assert.Equal(0, histogram[2]);
    }

    [Fact]
    public void Add_RemovingEverything_LeavesAnEmptyHistogram()
    {
        var histogram = Of(7, 3);

        histogram.Add(3, -1);
        histogram.Add(7, -1);

        Assert.Empty(histogram.Entries);
        Assert.Equal(0, histogram.Total);
        Assert.Equal(0, histogram.Count);
    }

    [Fact]
    public void Add_GoingBelowZeroAtAPresentScore_ThrowsAndKeepsTheCount()
    {
        var histogram = Of(5, 5);

        var error = Assert.Throws<InvalidOperationException>(() => histogram.Add(5, -3));

        Assert.Contains("score 5", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, histogram[5]);
        Assert.Equal(2, histogram.Total);
    }

    [Fact]
    public void Add_RemovingAnAbsentScore_Throws()
    {
        var histogram = Of(5);

        var error = Assert.Throws<InvalidOperationException>(() => histogram.Add(6, -1));

        Assert.Contains("score 6", error.Message, StringComparison.Ordinal);
        Assert.Equal([(5, 1L)], EntriesOf(histogram));
        Assert.Equal(1, histogram.Total);
    }

    [Fact]
    public void Add_ManyScores_GrowsBeyondInitialCapacity()
    {
        var histogram = new ScoreHistogram();
        for (var score = 20; score >= 0; score--)
        {
            histogram.Add(score, score + 1);
        }

        Assert.Equal(21, histogram.Count);
        Assert.Equal(231, histogram.Total);
        Assert.Equal(Enumerable.Range(0, 21).ToList(), histogram.Entries.Select(e => e.Key).ToList());
        Assert.Equal(21, histogram[20]);
    }

    [Theory]
    [InlineData(0.5, 2)]
    [InlineData(0.9, 10)]
    [InlineData(0.1, 1)]
    [InlineData(0.0, 1)]
    [InlineData(0.2, 1)]
    [InlineData(0.21, 2)]
    [InlineData(0.6, 2)]
    [InlineData(0.61, 3)]
    [InlineData(0.8, 3)]
    [InlineData(0.81, 10)]
    [InlineData(1.0, 10)]
    public void Percentile_NearestRank_OnFiveScores(double p, int expected)
    {
        // Sorted: 1, 2, 2, 3, 10. Rank = ceil(p * 5), at least 1.
        var histogram = Of(1, 2, 2, 3, 10);

        Assert.Equal(expected, histogram.Percentile(p));
    }

    [Theory]
    [InlineData(0.25, 5)]
    [InlineData(0.5, 6)]
    [InlineData(0.75, 8)]
    public void Percentile_EvenCount_TakesTheLowerOfTheMiddlePair(double p, int expected)
    {
        // Sorted: 5, 6, 8, 9. Median rank = ceil(0.5 * 4) = 2 → 6 (no interpolation).
        var histogram = Of(9, 5, 8, 6);

        Assert.Equal(expected, histogram.Percentile(p));
    }

    [Fact]
    public void Percentile_Empty_IsZero()
    {
        var histogram = new ScoreHistogram();

        Assert.Equal(0, histogram.Percentile(0.1));
        Assert.Equal(0, histogram.Percentile(0.5));
        Assert.Equal(0, histogram.Percentile(0.9));
    }

    [Fact]
    public void Percentile_AfterRemovingEverything_IsZero()
    {
        var histogram = Of(4);
        histogram.Add(4, -1);

        Assert.Equal(0, histogram.Percentile(0.5));
    }

    [Fact]
    public void Percentile_CountsWeightedEntries()
    {
        // 7 participants at 1 and 63 at 2: the 10th percentile is rank ceil(0.1 * 70) = 7 → 1.
        var histogram = new ScoreHistogram();
        histogram.Add(1, 7);
        histogram.Add(2, 63);

        Assert.Equal(1, histogram.Percentile(0.1));
        Assert.Equal(2, histogram.Percentile(0.11));
    }

    [Fact]
    public void Merge_PlusThenMinus_RestoresTheOriginal()
    {
        var original = Of(1, 2, 2, 3, 10);
        var other = Of(2, 4, 10, 10);

        original.Merge(other, 1);

        Assert.Equal([(1, 1L), (2, 3L), (3, 1L), (4, 1L), (10, 3L)], EntriesOf(original));
        Assert.Equal(9, original.Total);

        original.Merge(other, -1);

        Assert.Equal([(1, 1L), (2, 2L), (3, 1L), (10, 1L)], EntriesOf(original));
        Assert.Equal(5, original.Total);
    }

    [Fact]
    public void Merge_MinusItself_LeavesEmpty()
    {
        var histogram = Of(3, 3, 8);
        var copy = histogram.Clone();

        histogram.Merge(copy, -1);

        Assert.Empty(histogram.Entries);
        Assert.Equal(0, histogram.Total);
    }

    [Fact]
    public void Merge_SubtractingMoreThanPresent_Throws()
    {
        var histogram = Of(3);
        var other = Of(3, 3);

        Assert.Throws<InvalidOperationException>(() => histogram.Merge(other, -1));
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var original = Of(1, 2, 2);

        var copy = original.Clone();
        copy.Add(5, 1);
        copy.Add(2, -2);

        Assert.Equal([(1, 1L), (2, 2L)], EntriesOf(original));
        Assert.Equal(3, original.Total);
        Assert.Equal([(1, 1L), (5, 1L)], EntriesOf(copy));
        Assert.Equal(2, copy.Total);
    }

    [Fact]
    public void Clone_OfEmpty_AcceptsNewScores()
    {
        var copy = new ScoreHistogram().Clone();

        copy.Add(3, 2);

        Assert.Equal([(3, 2L)], EntriesOf(copy));
    }

    [Fact]
    public void Json_IsAFlatScoreCountArray()
    {
        var histogram = Of(10, 1, 2, 2, 3);

        var json = JsonSerializer.Serialize(histogram, SummaryJson.Options);

        Assert.Equal("[1,1,2,2,3,1,10,1]", json);
    }

    [Fact]
    public void Json_Empty_IsAnEmptyArray()
    {
        Assert.Equal("[]", JsonSerializer.Serialize(new ScoreHistogram(), SummaryJson.Options));
    }

    [Fact]
    public void Json_RoundTrip_RestoresEntriesAndTotal()
    {
        var histogram = Of(10, 1, 2, 2, 3);

        var json = JsonSerializer.Serialize(histogram, SummaryJson.Options);
        var read = JsonSerializer.Deserialize<ScoreHistogram>(json, SummaryJson.Options);

        Assert.NotNull(read);
        Assert.Equal(EntriesOf(histogram), EntriesOf(read));
        Assert.Equal(5, read.Total);
        Assert.Equal(2, read.Percentile(0.5));
        Assert.Equal(json, JsonSerializer.Serialize(read, SummaryJson.Options));
    }

    [Fact]
    public void Json_NotAnArray_IsRefused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ScoreHistogram>("{\"1\":2}", SummaryJson.Options));
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("[1,2,3]")]
    [InlineData("[\"a\",1]")]
    public void Json_IncompletePairs_AreRefused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ScoreHistogram>(json, SummaryJson.Options));
    }

    [Fact]
    public void Json_PairsOutOfOrder_AreReadAscendingAndRepeatsAdded()
    {
        var read = JsonSerializer.Deserialize<ScoreHistogram>("[5,1,2,1,5,2]", SummaryJson.Options);

        Assert.NotNull(read);
        Assert.Equal([(2, 1L), (5, 3L)], EntriesOf(read));
        Assert.Equal(4, read.Total);
    }
}
