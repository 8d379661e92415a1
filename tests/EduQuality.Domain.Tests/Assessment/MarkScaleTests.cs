using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class MarkScaleTests
{
    // ОГЭ Russian from 2025: max 37, «3» from 15, «4» from 26, «5» from 33.
    private static readonly MarkScale OgeRussian = new(ProcedureKind.Oge, "RU", 9, 2025, 37, 15, 26, 33, null);

    [Theory]
    [InlineData(0, 2)]
    [InlineData(14, 2)]
    [InlineData(15, 3)]
    [InlineData(25, 3)]
    [InlineData(26, 4)]
    [InlineData(32, 4)]
    [InlineData(33, 5)]
    [InlineData(37, 5)]
    public void MarkFor_UsesTheCutPoints(int primaryScore, int mark)
    {
        Assert.Equal(mark, OgeRussian.MarkFor(primaryScore));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(38)]
    public void MarkFor_ScoreOutsideZeroToMax_Throws(int primaryScore)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OgeRussian.MarkFor(primaryScore));

        Assert.Contains("Oge RU grade 9 from 2025", error.Message, StringComparison.Ordinal);
        Assert.Contains("0..37", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NamesProcedureSubjectGradeAndYear()
    {
        Assert.Equal("Oge RU grade 9 from 2025", OgeRussian.Describe());
    }
}
