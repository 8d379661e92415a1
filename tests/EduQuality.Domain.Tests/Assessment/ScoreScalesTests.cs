using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class ScoreScalesTests
{
    [Theory]
    [InlineData(ProcedureKind.Ege, "RU", ScoreScale.Test)]
    [InlineData(ProcedureKind.Ege, "MAB", ScoreScale.Primary)]
    [InlineData(ProcedureKind.Oge, "RU", ScoreScale.Primary)]
    [InlineData(ProcedureKind.Vpr, "MA", ScoreScale.Primary)]
    public void For_OnlyEgeWithATestScoreUsesTheTestScale(ProcedureKind procedure, string subject, ScoreScale expected)
    {
        Assert.Equal(expected, ScoreScales.For(procedure, subject));
    }

    [Fact]
    public void Name_IsTheContractSpelling()
    {
        Assert.Equal("test", ScoreScales.Name(ScoreScale.Test));
        Assert.Equal("primary", ScoreScales.Name(ScoreScale.Primary));
    }
}
