using EduQuality.Domain.Assessment;
using EduQuality.Domain.Reference;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class ResultFactsDeriverTests
{
    private static ResultFacts Derive(ResultRecord row) => ResultFactsDeriver.Derive(row, ThresholdTable.Default);

    [Fact]
    public void Derive_EgeRussian23_IsBelowTheMinimumOf24()
    {
        var facts = Derive(Rows.Ege() with { TestScore = 23 });

        Assert.Equal(23, facts.Score);
        Assert.True(facts.BelowMinimum);
        Assert.False(facts.HighScorer);
    }

    [Fact]
    public void Derive_EgeRussian24_IsNotBelowTheMinimum()
    {
        var facts = Derive(Rows.Ege() with { TestScore = 24 });

        Assert.Equal(24, facts.Score);
        Assert.False(facts.BelowMinimum);
    }

    [Fact]
    public void Derive_EgeRussian81_IsAHighScorer()
    {
        var facts = Derive(Rows.Ege() with { TestScore = 81 });

        Assert.True(facts.HighScorer);
        Assert.False(facts.BelowMinimum);
    }

    [Fact]
    public void Derive_EgeRussian80_IsNotAHighScorer()
    {
        Assert.False(Derive(Rows.Ege() with { TestScore = 80 }).HighScorer);
    }

    [Fact]
    public void Derive_EgeScore_IsTheTestScoreNotThePrimaryScore()
    {
        var facts = Derive(Rows.Ege() with { PrimaryScore = 40, TestScore = 62 });

        Assert.Equal(62, facts.Score);
        Assert.Null(facts.Mark);
        Assert.Null(facts.TermComparison);
    }

    [Fact]
    public void Derive_EgeBeforeAnyMinimumIsKnown_HasNoMinimumVerdict()
    {
        var facts = Derive(Rows.Ege() with { Year = 2018, TestScore = 10 });

        Assert.Null(facts.BelowMinimum);
    }

    [Fact]
    public void Derive_EgeBaseMathematicsMark5_IsAHighScorerOnThePrimaryScale()
    {
        var facts = Derive(Rows.EgeBaseMathematics() with { PrimaryScore = 19, Mark = 5 });

        Assert.Equal(19, facts.Score);
        Assert.Equal(5, facts.Mark);
        Assert.True(facts.HighScorer);
        Assert.False(facts.BelowMinimum);
    }

    [Fact]
    public void Derive_EgeBaseMathematicsMark4_IsNotAHighScorer()
    {
        Assert.False(Derive(Rows.EgeBaseMathematics() with { Mark = 4 }).HighScorer);
    }

    [Fact]
    public void Derive_EgeBaseMathematicsMark2_IsBelowTheMinimum()
    {
        Assert.True(Derive(Rows.EgeBaseMathematics() with { PrimaryScore = 3, Mark = 2 }).BelowMinimum);
    }

    [Fact]
    public void Derive_VprMark2_IsBelowTheMinimum()
    {
        var facts = Derive(Rows.Vpr() with { PrimaryScore = 6, Mark = 2, TaskPoints = [3, 3] });

        Assert.Equal(6, facts.Score);
        Assert.True(facts.BelowMinimum);
        Assert.False(facts.HighScorer);
    }

    [Fact]
    public void Derive_VprMark3_IsNotBelowTheMinimum()
    {
        Assert.False(Derive(Rows.Vpr() with { Mark = 3 }).BelowMinimum);
    }

    [Fact]
    public void Derive_VprMark5_IsAHighScorer()
    {
        var facts = Derive(Rows.Vpr() with { Mark = 5 });

        Assert.True(facts.HighScorer);
        Assert.False(facts.BelowMinimum);
    }

    [Fact]
    public void Derive_OgeMark5_IsAHighScorerAndMark4IsNot()
    {
        Assert.True(Derive(Rows.Oge() with { Mark = 5 }).HighScorer);
        Assert.False(Derive(Rows.Oge() with { Mark = 4 }).HighScorer);
    }

    [Fact]
    public void Derive_WithoutMarkOrTestScore_HasNoMinimumVerdict()
    {
        var facts = Derive(Rows.ValidFor(ProcedureKind.Niko) with { Mark = null });

        Assert.Null(facts.BelowMinimum);
        Assert.False(facts.HighScorer);
    }

    [Fact]
    public void Derive_PassedMinimumTrue_OverridesTheTestScore()
    {
        Assert.False(Derive(Rows.Ege() with { TestScore = 23, PassedMinimum = true }).BelowMinimum);
    }

    [Fact]
    public void Derive_PassedMinimumFalse_OverridesTheTestScore()
    {
        Assert.True(Derive(Rows.Ege() with { TestScore = 90, PassedMinimum = false }).BelowMinimum);
    }

    [Fact]
    public void Derive_PassedMinimum_OverridesTheMark()
    {
        Assert.False(Derive(Rows.Vpr() with { Mark = 2, PassedMinimum = true }).BelowMinimum);
        Assert.True(Derive(Rows.Vpr() with { Mark = 4, PassedMinimum = false }).BelowMinimum);
    }

    [Fact]
    public void Derive_PassedMinimum_GivesAVerdictWhereNoneIsKnown()
    {
        Assert.True(Derive(Rows.ValidFor(ProcedureKind.Niko) with { Mark = null, PassedMinimum = false }).BelowMinimum);
    }

    [Theory]
    [InlineData(3, 4, -1)]
    [InlineData(2, 5, -1)]
    [InlineData(4, 4, 0)]
    [InlineData(5, 4, 1)]
    [InlineData(5, 2, 1)]
    public void Derive_TermComparison_IsTheSignOfMarkMinusTermMark(int mark, int termMark, int expected)
    {
        Assert.Equal(expected, Derive(Rows.Vpr() with { Mark = mark, TermMark = termMark }).TermComparison);
    }

    [Fact]
    public void Derive_WithoutTermMark_HasNoTermComparison()
    {
        Assert.Null(Derive(Rows.Vpr() with { TermMark = null }).TermComparison);
    }

    [Fact]
    public void TermComparison_NeedsBothMarks()
    {
        Assert.Null(ResultFactsDeriver.TermComparison(null, 4));
        Assert.Null(ResultFactsDeriver.TermComparison(4, null));
        Assert.Null(ResultFactsDeriver.TermComparison(null, null));
        Assert.Equal(-1, ResultFactsDeriver.TermComparison(2, 3));
        Assert.Equal(0, ResultFactsDeriver.TermComparison(3, 3));
        Assert.Equal(1, ResultFactsDeriver.TermComparison(4, 3));
    }

    [Fact]
    public void Derive_CarriesTaskPoints()
    {
        var facts = Derive(Rows.Vpr());

        Assert.Equal([10, 10], facts.TaskPoints);
        Assert.Equal([12, 12], facts.TaskMaxPoints);
        Assert.Equal(20, facts.Score);
        Assert.Equal(4, facts.Mark);
        Assert.Equal(0, facts.TermComparison);
    }
}
