using EduQuality.Domain.Assessment;

namespace EduQuality.Demo.Tests;

public sealed class MarkScaleTableTests
{
    [Theory]
    [InlineData(2023, 33, 15, 23, 29)]
    [InlineData(2024, 33, 15, 23, 29)]
    [InlineData(2025, 37, 15, 26, 33)]
    [InlineData(2026, 37, 15, 26, 33)]
    public void Oge_russian_scale_changes_in_2025(int year, int max, int min3, int min4, int min5)
    {
        var scale = MarkScaleTable.Find(ProcedureKind.Oge, "RU", 9, year);

        Assert.NotNull(scale);
        Assert.Equal((max, min3, min4, min5), (scale.MaxPrimaryScore, scale.MinScoreFor3, scale.MinScoreFor4, scale.MinScoreFor5));
    }

    [Fact]
    public void No_scale_before_the_first_year_in_the_table()
    {
        Assert.Null(MarkScaleTable.Find(ProcedureKind.Oge, "RU", 9, 2022));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(7, 2)]
    [InlineData(8, 3)]
    [InlineData(14, 3)]
    [InlineData(15, 4)]
    [InlineData(21, 4)]
    [InlineData(22, 5)]
    [InlineData(31, 5)]
    public void Oge_mathematics_marks_follow_the_8_15_22_cut_points(int primaryScore, int mark)
    {
        var scale = MarkScaleTable.Find(ProcedureKind.Oge, "MA", 9, 2025)!;

        Assert.Equal(31, scale.MaxPrimaryScore);
        Assert.Equal(mark, scale.MarkFor(primaryScore));
    }

    [Theory]
    [InlineData(9, 2)]
    [InlineData(10, 3)]
    [InlineData(15, 3)]
    [InlineData(16, 4)]
    [InlineData(20, 4)]
    [InlineData(21, 5)]
    [InlineData(24, 5)]
    public void Vpr_russian_grade_4_uses_the_new_24_point_scale_from_2025(int primaryScore, int mark)
    {
        var scale = MarkScaleTable.Find(ProcedureKind.Vpr, "RU", 4, 2025)!;

        Assert.Equal(24, scale.MaxPrimaryScore);
        Assert.Equal(mark, scale.MarkFor(primaryScore));
        Assert.Equal(38, MarkScaleTable.Find(ProcedureKind.Vpr, "RU", 4, 2024)!.MaxPrimaryScore);
    }

    [Fact]
    public void A_score_outside_the_scale_is_refused()
    {
        var scale = MarkScaleTable.Find(ProcedureKind.Oge, "MA", 9, 2025)!;

        Assert.Throws<ArgumentOutOfRangeException>(() => scale.MarkFor(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => scale.MarkFor(-1));
    }

    [Fact]
    public void A_work_without_a_scale_gives_null()
    {
        Assert.Null(MarkScaleTable.Find(ProcedureKind.Ege, "RU", 11, 2025));
        Assert.Null(MarkScaleTable.Find(ProcedureKind.Vpr, "RU", 9, 2025));
    }

    [Fact]
    public void Every_scale_says_where_it_comes_from_and_defaults_say_they_are_not_official()
    {
        Assert.All(MarkScaleTable.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Note)));
        var engineering = MarkScaleTable.All.Where(s => s.Note!.Contains("Engineering default", StringComparison.Ordinal)).ToList();
        Assert.All(engineering, s => Assert.Contains("not official", s.Note, StringComparison.Ordinal));
        Assert.Equal(43, MarkScaleTable.All.Count);
    }
}
