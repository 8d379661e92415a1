using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class ProcedureRulesTests
{
    [Fact]
    public void Grades_PerProcedure()
    {
        Assert.Equal([4, 5, 6, 7, 8, 10], ProcedureRules.Grades(ProcedureKind.Vpr));
        Assert.Equal([9], ProcedureRules.Grades(ProcedureKind.Oge));
        Assert.Equal([11], ProcedureRules.Grades(ProcedureKind.Ege));
        Assert.Equal(Enumerable.Range(1, 11), ProcedureRules.Grades(ProcedureKind.Niko));
        Assert.Equal(Enumerable.Range(1, 11), ProcedureRules.Grades(ProcedureKind.RegionalDiagnostic));
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr, "RU", true)]
    [InlineData(ProcedureKind.Oge, "MA", true)]
    [InlineData(ProcedureKind.Ege, "MAB", true)]
    [InlineData(ProcedureKind.Ege, "MAP", false)]
    [InlineData(ProcedureKind.Niko, "RL", false)]
    [InlineData(ProcedureKind.RegionalDiagnostic, "MA", false)]
    public void RequiresMark(ProcedureKind procedure, string subject, bool expected)
    {
        Assert.Equal(expected, ProcedureRules.RequiresMark(procedure, subject));
    }

    [Theory]
    [InlineData(ProcedureKind.Ege, "RU", true)]
    [InlineData(ProcedureKind.Ege, "MAP", true)]
    [InlineData(ProcedureKind.Ege, "MAB", false)]
    [InlineData(ProcedureKind.Oge, "RU", false)]
    [InlineData(ProcedureKind.Vpr, "RU", false)]
    public void RequiresTestScore(ProcedureKind procedure, string subject, bool expected)
    {
        Assert.Equal(expected, ProcedureRules.RequiresTestScore(procedure, subject));
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr, true)]
    [InlineData(ProcedureKind.Niko, true)]
    [InlineData(ProcedureKind.RegionalDiagnostic, true)]
    [InlineData(ProcedureKind.Oge, false)]
    [InlineData(ProcedureKind.Ege, false)]
    public void AllowsTermMark(ProcedureKind procedure, bool expected)
    {
        Assert.Equal(expected, ProcedureRules.AllowsTermMark(procedure));
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr, true)]
    [InlineData(ProcedureKind.Oge, false)]
    [InlineData(ProcedureKind.Ege, false)]
    [InlineData(ProcedureKind.Niko, false)]
    public void RequiresClassLabel(ProcedureKind procedure, bool expected)
    {
        Assert.Equal(expected, ProcedureRules.RequiresClassLabel(procedure));
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr, "ВПР")]
    [InlineData(ProcedureKind.Oge, "ОГЭ")]
    [InlineData(ProcedureKind.Ege, "ЕГЭ")]
    [InlineData(ProcedureKind.Niko, "НИКО")]
    [InlineData(ProcedureKind.RegionalDiagnostic, "Региональная диагностика")]
    public void RussianName(ProcedureKind procedure, string expected)
    {
        Assert.Equal(expected, ProcedureRules.RussianName(procedure));
    }
}
