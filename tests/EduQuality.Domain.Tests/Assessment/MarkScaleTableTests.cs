using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class MarkScaleTableTests
{
    [Theory]
    [InlineData(2023, 38)]
    [InlineData(2024, 38)]
    [InlineData(2025, 24)]
    [InlineData(2030, 24)]
    public void Find_VprRussianGrade4_TakesTheScaleInForceInTheYear(int year, int maxPrimaryScore)
    {
        var scale = MarkScaleTable.Find(ProcedureKind.Vpr, "RU", 4, year);

        Assert.NotNull(scale);
        Assert.Equal(maxPrimaryScore, scale.MaxPrimaryScore);
        Assert.True(scale.FromYear <= year);
    }

    [Fact]
    public void Find_VprRussianGrade4In2025_HasTheNewFormatCutPoints()
    {
        var scale = MarkScaleTable.Find(ProcedureKind.Vpr, "RU", 4, 2025);

        Assert.NotNull(scale);
        Assert.Equal((2025, 24, 10, 16, 21), (scale.FromYear, scale.MaxPrimaryScore, scale.MinScoreFor3, scale.MinScoreFor4, scale.MinScoreFor5));
        Assert.Equal(3, scale.MarkFor(10));
        Assert.Equal(2, scale.MarkFor(9));
    }

    [Theory]
    [InlineData(2024, 33, 23)]
    [InlineData(2025, 37, 26)]
    public void Find_OgeRussian_ChangesIn2025(int year, int maxPrimaryScore, int minFor4)
    {
        var scale = MarkScaleTable.Find(ProcedureKind.Oge, "RU", 9, year);

        Assert.NotNull(scale);
        Assert.Equal(maxPrimaryScore, scale.MaxPrimaryScore);
        Assert.Equal(minFor4, scale.MinScoreFor4);
    }

    [Fact]
    public void Find_BeforeTheFirstScale_IsNull()
    {
        Assert.Null(MarkScaleTable.Find(ProcedureKind.Vpr, "RU", 4, 2022));
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr, "RU", 9)]
    [InlineData(ProcedureKind.Ege, "RU", 11)]
    [InlineData(ProcedureKind.Oge, "XX", 9)]
    [InlineData(ProcedureKind.Niko, "RL", 5)]
    public void Find_WorkWithoutAScale_IsNull(ProcedureKind procedure, string subject, int grade)
    {
        Assert.Null(MarkScaleTable.Find(procedure, subject, grade, 2025));
    }

    [Fact]
    public void Find_EgeBaseMathematics_HasAScale()
    {
        var scale = MarkScaleTable.Find(ProcedureKind.Ege, SubjectCatalog.BaseMathematics, 11, 2025);

        Assert.NotNull(scale);
        Assert.Equal(21, scale.MaxPrimaryScore);
        Assert.Equal(5, scale.MarkFor(17));
    }

    [Fact]
    public void All_IsOrderedByProcedureSubjectGradeAndYear()
    {
        var all = MarkScaleTable.All;

        Assert.NotEmpty(all);
        var ordered = all.OrderBy(s => s.Procedure).ThenBy(s => s.Subject, StringComparer.Ordinal).ThenBy(s => s.Grade).ThenBy(s => s.FromYear).ToList();
        Assert.Equal(ordered, all);
    }

    [Fact]
    public void All_EveryScaleGives2AtZeroAnd5AtMax()
    {
        Assert.All(MarkScaleTable.All, scale =>
        {
            Assert.Equal(2, scale.MarkFor(0));
            Assert.Equal(5, scale.MarkFor(scale.MaxPrimaryScore));
        });
    }

    [Fact]
    public void All_EveryScaleIsFoundForItsFirstYear()
    {
        Assert.All(MarkScaleTable.All, scale =>
            Assert.Same(scale, MarkScaleTable.Find(scale.Procedure, scale.Subject, scale.Grade, scale.FromYear)));
    }
}
