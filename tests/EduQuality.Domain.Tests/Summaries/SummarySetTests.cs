using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Tests.Summaries;

public sealed class SummarySetTests
{
    private static readonly SliceKey Ru4A = new(ProcedureKind.Vpr, "RU", 4, "4А");
    private static readonly SliceKey Ru4B = new(ProcedureKind.Vpr, "RU", 4, "4Б");
    private static readonly SliceKey Ma4A = new(ProcedureKind.Vpr, "MA", 4, "4А");
    private static readonly SliceKey Ru4Whole = new(ProcedureKind.Vpr, "RU", 4, "");
    private static readonly SliceKey Ma4Whole = new(ProcedureKind.Vpr, "MA", 4, "");
    private static readonly SliceKey OgeRu9 = new(ProcedureKind.Oge, "RU", 9, "");

    private static ResultFacts Facts(int score, int? mark, bool? below = null, bool high = false, int? term = null, int[]? tasks = null) => new()
    {
        Score = score,
        Mark = mark,
        BelowMinimum = below,
        HighScorer = high,
        TermComparison = term,
        TaskPoints = tasks ?? [],
        TaskMaxPoints = tasks is null ? [] : [.. tasks.Select(_ => 2)],
    };

    private static readonly ResultFacts Low = Facts(5, 2, below: true, term: -1, tasks: [1, 0]);
    private static readonly ResultFacts Mid = Facts(12, 3, below: false, term: 0, tasks: [2, 1]);
    private static readonly ResultFacts Top = Facts(20, 5, below: false, high: true, term: 1, tasks: [2, 2]);

    private static SummarySet Sample()
    {
        var set = new SummarySet();
        set.Apply(Ru4A, Low, 1);
        set.Apply(Ru4A, Top, 1);
        set.Apply(Ru4B, Mid, 1);
        set.Apply(Ma4A, Mid, 1);
        set.Apply(OgeRu9, Facts(25, 4), 1);
        return set;
    }

    [Fact]
    public void Apply_CreatesTheSliceAndCounts()
    {
        var set = new SummarySet();

        set.Apply(Ru4A, Low, 1);
        set.Apply(Ru4A, Top, 1);

        Assert.Equal(1, set.Count);
        var summary = set.Find(Ru4A);
        Assert.NotNull(summary);
        Assert.Equal(2, summary.Participants);
        Assert.Equal(25, summary.ScoreSum);
        Assert.Equal([1L, 0L, 0L, 1L], summary.MarkCounts);
        Assert.Null(set.Find(Ru4B));
    }

    [Fact]
    public void Apply_PlusThenMinus_DropsTheSlice()
    {
        var set = new SummarySet();
        set.Apply(Ru4A, Low, 1);
        set.Apply(Ru4A, Top, 1);

        set.Apply(Ru4A, Top, -1);
        set.Apply(Ru4A, Low, -1);

        Assert.Equal(0, set.Count);
        Assert.Null(set.Find(Ru4A));
        Assert.Empty(set.Entries);
        Assert.Empty(set.Keys);
        Assert.Equal(SummaryJson.Serialize(new SummarySet()), SummaryJson.Serialize(set));
    }

    [Fact]
    public void Apply_EmptyingOneSlice_LeavesTheOthers()
    {
        var set = Sample();

        set.Apply(Ru4B, Mid, -1);

        Assert.Equal(3, set.Count);
        Assert.Null(set.Find(Ru4B));
        Assert.Equal(2, set.Find(Ru4A)?.Participants);
        Assert.Equal(1, set.Find(Ma4A)?.Participants);
    }

    [Fact]
    public void Correction_MovingARowBetweenClasses_MovesItsCounts()
    {
        var set = Sample();

        set.Apply(Ru4A, Low, -1);
        set.Apply(Ru4B, Low, 1);

        Assert.Equal(1, set.Find(Ru4A)?.Participants);
        Assert.Equal(20, set.Find(Ru4A)?.ScoreSum);
        Assert.Equal(2, set.Find(Ru4B)?.Participants);
        Assert.Equal(17, set.Find(Ru4B)?.ScoreSum);
    }

    [Fact]
    public void Entries_AreOrderedByProcedureSubjectGradeAndClass()
    {
        var set = Sample();

        Assert.Equal([Ma4A, Ru4A, Ru4B, OgeRu9], set.Entries.Select(e => e.Slice).ToList());
    }

    [Fact]
    public void Merge_PlusThenMinus_RestoresTheOriginalAndDropsEmptiedSlices()
    {
        var set = new SummarySet();
        set.Apply(Ru4A, Low, 1);
        var before = SummaryJson.Serialize(set);
        var other = Sample();

        set.Merge(other, 1);

        Assert.Equal(4, set.Count);
        Assert.Equal(3, set.Find(Ru4A)?.Participants);

        set.Merge(other, -1);

        Assert.Equal(before, SummaryJson.Serialize(set));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Merge_MinusItsClone_LeavesEmpty()
    {
        var set = Sample();

        set.Merge(set.Clone(), -1);

        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void Merge_OfTwoSets_EqualsApplyingAllRowsToOne()
    {
        var left = new SummarySet();
        left.Apply(Ru4A, Low, 1);
        left.Apply(Ma4A, Mid, 1);
        var right = new SummarySet();
        right.Apply(Ru4A, Top, 1);
        right.Apply(Ru4B, Mid, 1);
        right.Apply(OgeRu9, Facts(25, 4), 1);

        left.Merge(right, 1);

        Assert.Equal(SummaryJson.Serialize(Sample()), SummaryJson.Serialize(left));
    }

    [Fact]
    public void WholeOrganization_MergesClassesUnderTheEmptyClassLabel()
    {
        var set = Sample();

        var whole = set.WholeOrganization();

        Assert.Equal([Ma4Whole, Ru4Whole, OgeRu9], whole.Entries.Select(e => e.Slice).ToList());
        var ru = whole.Find(Ru4Whole);
        Assert.NotNull(ru);
        Assert.Equal(3, ru.Participants);
        Assert.Equal(37, ru.ScoreSum);
        Assert.Equal([1L, 1L, 0L, 1L], ru.MarkCounts);
        Assert.Equal(1, ru.HighScorers);
        Assert.Equal((1L, 1L, 1L), (ru.TermLowered, ru.TermConfirmed, ru.TermRaised));
        Assert.Equal(12, ru.Histogram.Percentile(0.5));
        Assert.Equal(2, ru.Tasks.Count);
        Assert.Equal((3L, 5L, 6L), (ru.Tasks[0].Participants, ru.Tasks[0].Points, ru.Tasks[0].MaxPoints));
        Assert.Equal(1, whole.Find(Ma4Whole)?.Participants);
        Assert.Equal(1, whole.Find(OgeRu9)?.Participants);
    }

    [Fact]
    public void WholeOrganization_EqualsApplyingEveryRowWithoutAClass()
    {
        var expected = new SummarySet();
        expected.Apply(Ru4Whole, Low, 1);
        expected.Apply(Ru4Whole, Top, 1);
        expected.Apply(Ru4Whole, Mid, 1);
        expected.Apply(Ma4Whole, Mid, 1);
        expected.Apply(OgeRu9, Facts(25, 4), 1);

        Assert.Equal(SummaryJson.Serialize(expected), SummaryJson.Serialize(Sample().WholeOrganization()));
    }

    [Fact]
    public void WholeOrganization_IncludesRowsDeliveredWithoutAClass()
    {
        var set = new SummarySet();
        set.Apply(Ru4A, Low, 1);
        set.Apply(Ru4Whole, Top, 1);

        var whole = set.WholeOrganization();

        Assert.Equal(1, whole.Count);
        Assert.Equal(2, whole.Find(Ru4Whole)?.Participants);
    }

    [Fact]
    public void WholeOrganization_LeavesTheOriginalUnchanged()
    {
        var set = Sample();
        var before = SummaryJson.Serialize(set);

        var whole = set.WholeOrganization();
        whole.Apply(Ru4Whole, Low, -1);

        Assert.Equal(before, SummaryJson.Serialize(set));
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var set = Sample();
        var before = SummaryJson.Serialize(set);

        var copy = set.Clone();
        copy.Apply(Ru4A, Low, -1);
        copy.Apply(Ma4Whole, Top, 1);

        Assert.Equal(before, SummaryJson.Serialize(set));
        Assert.Equal(1, copy.Find(Ru4A)?.Participants);
    }

    [Fact]
    public void Json_RoundTrip_EqualsTheOriginal()
    {
        var set = Sample();

        var json = SummaryJson.Serialize(set);
        var read = SummaryJson.Deserialize(json);

        Assert.Equal(json, SummaryJson.Serialize(read));
        Assert.Equal(4, read.Count);
        var ru = read.Find(Ru4A);
        Assert.NotNull(ru);
        Assert.Equal(2, ru.Participants);
        Assert.Equal([5, 20], ru.Histogram.Entries.Select(e => e.Key).ToList());
        Assert.Equal(2, ru.Tasks.Count);
    }

    [Fact]
    public void Json_ReadSet_KeepsWorking()
    {
        var read = SummaryJson.Deserialize(SummaryJson.Serialize(Sample()));

        read.Apply(Ru4A, Low, -1);
        read.Apply(Ru4A, Top, -1);

        Assert.Null(read.Find(Ru4A));
        Assert.Equal(3, read.Count);
    }

    [Fact]
    public void Json_SliceKeyIsWrittenWithProcedureNumberAndClassLabel()
    {
        var set = new SummarySet();
        set.Apply(Ru4A, Facts(7, 3), 1);

        var json = SummaryJson.Serialize(set);

        Assert.StartsWith("{\"entries\":[{\"slice\":{\"procedure\":1,\"subject\":\"RU\",\"grade\":4,\"classLabel\":", json, StringComparison.Ordinal);
        Assert.Contains("\"histogram\":[7,1]", json, StringComparison.Ordinal);
        Assert.Equal("4А", SummaryJson.Deserialize(json).Entries[0].Slice.ClassLabel);
    }

    [Fact]
    public void Apply_RemovingWhatIsNotThere_ThrowsAndLeavesTheSetUnchanged()
    {
        var set = new SummarySet();
        set.Apply(Ru4A, Mid, +1);

        Assert.Throws<InvalidOperationException>(() => set.Apply(Ru4A, Low, -1));
        Assert.Throws<InvalidOperationException>(() => set.Apply(Ma4A, Low, -1));

        Assert.Equal([Ru4A], set.Keys);
        Assert.Equal(1, set.Find(Ru4A)!.Participants);
        Assert.Equal(12, set.Find(Ru4A)!.ScoreSum);
        Assert.Equal([0L, 1, 0, 0], set.Find(Ru4A)!.MarkCounts);
    }

    [Fact]
    public void FindWholeOrganization_MergesEveryClassOfTheSlice()
    {
        var set = new SummarySet();
        set.Apply(Ru4A, Low, +1);
        set.Apply(Ru4B, Mid, +1);
        set.Apply(Ma4A, Top, +1);

        var whole = set.FindWholeOrganization(Ru4Whole)!;

        Assert.Equal(2, whole.Participants);
        Assert.Equal(17, whole.ScoreSum);
        Assert.Equal([1L, 1, 0, 0], whole.MarkCounts);
        Assert.Null(set.FindWholeOrganization(OgeRu9));
    }
}
