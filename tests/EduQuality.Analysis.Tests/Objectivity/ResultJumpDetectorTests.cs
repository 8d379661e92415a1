using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Assessment;

namespace EduQuality.Analysis.Tests.Objectivity;

public sealed class ResultJumpDetectorTests
{
    private static readonly Domain.Summaries.SliceKey Maths4 = Results.Vpr("MA", 4);
    private static readonly Domain.Summaries.SliceKey Maths5 = Results.Vpr("MA", 5);

    [Fact]
    public void Same_work_a_year_later_far_above_the_region_is_a_year_over_year_sign()
    {
        // «4»+«5»: 12 of 40 (30%) in 2024, 28 of 40 (70%) in 2025: +40 p.p. while the region stays at 50%.
        var context = new Results()
            .SchoolMarks("S1", 2024, Maths5, twos: 4, threes: 24, fours: 10, fives: 2)
            .SchoolMarks("S1", 2025, Maths5, twos: 2, threes: 10, fours: 20, fives: 8)
            .RegionMarks(2024, Maths5, 100, 400, 400, 100)
            .RegionMarks(2025, Maths5, 100, 400, 400, 100)
            .Context();

        var sign = Assert.Single(new YearOverYearJumpDetector().Detect(context, "S1", 2025));

        Assert.Equal(ObjectivitySignKind.YearOverYearJump, sign.Kind);
        Assert.Equal(ObjectivitySignFamily.ResultJump, sign.Family);
        Assert.Equal(40, sign.Measured, 9);
        Assert.Equal(0, sign.Reference, 9);
        Assert.Equal(15, sign.Threshold, 9);
        Assert.Equal(MeasureUnit.PercentagePoints, sign.Unit);
        Assert.Equal(new ComparedResults(WorkScope.Of(ProcedureKind.Vpr, "MA", 5), 2024), sign.ComparedWith);

        // z = 0.40 ÷ √(2 × 0.3095 × 0.6905 ÷ 40) = 3.87 with the smoothed shares 13/42 and 29/42.
        Assert.Equal(5.4e-5, sign.PValue!.Value, 5);
        Assert.Equal(1.0, sign.Strength, 9);
        Assert.Equal(
            "ВПР, математика, 5 класс, по сравнению с 2024 годом: доля «4» и «5» выросла с 30% до 70% (+40 п.п.) при +0 п.п. "
            + "по региону (порог: на 15 п.п. лучше изменения по региону).",
            sign.ExplanationRu);
    }

    [Fact]
    public void A_rise_the_region_shares_is_no_sign()
    {
        // The region also rises from 50% to 90% «4»+«5».
        var context = new Results()
            .SchoolMarks("S1", 2024, Maths5, twos: 4, threes: 24, fours: 10, fives: 2)
            .SchoolMarks("S1", 2025, Maths5, twos: 2, threes: 10, fours: 20, fives: 8)
            .RegionMarks(2024, Maths5, 100, 400, 400, 100)
            .RegionMarks(2025, Maths5, 20, 80, 700, 200)
            .Context();

        Assert.Empty(new YearOverYearJumpDetector().Detect(context, "S1", 2025));
    }

    [Fact]
    public void A_rise_within_fifteen_points_of_the_region_is_no_sign()
    {
        // 30% → 42.5%: +12.5 p.p.
        var context = new Results()
            .SchoolMarks("S1", 2024, Maths5, twos: 4, threes: 24, fours: 10, fives: 2)
            .SchoolMarks("S1", 2025, Maths5, twos: 4, threes: 19, fours: 15, fives: 2)
            .RegionMarks(2024, Maths5, 100, 400, 400, 100)
            .RegionMarks(2025, Maths5, 100, 400, 400, 100)
            .Context();

        Assert.Empty(new YearOverYearJumpDetector().Detect(context, "S1", 2025));
    }

    [Fact]
    public void A_fall_of_the_share_of_twos_is_measured_when_the_good_marks_stay()
    {
        // «2»: 20 of 40 (50%) → 4 of 40 (10%), «4»+«5» 25% both years; the region keeps 10% «2».
        var context = new Results()
            .SchoolMarks("S1", 2024, Maths5, twos: 20, threes: 10, fours: 8, fives: 2)
            .SchoolMarks("S1", 2025, Maths5, twos: 4, threes: 26, fours: 8, fives: 2)
            .RegionMarks(2024, Maths5, 100, 400, 400, 100)
            .RegionMarks(2025, Maths5, 100, 400, 400, 100)
            .Context();

        var sign = Assert.Single(new YearOverYearJumpDetector().Detect(context, "S1", 2025));

        Assert.Equal(-40, sign.Measured, 9);
        Assert.Contains("доля «2» снизилась с 50% до 10% (−40 п.п.) при +0 п.п. по региону", sign.ExplanationRu);
    }

    [Fact]
    public void The_same_cohort_a_grade_later_is_compared_by_the_cohort_detector_only()
    {
        // Grade 4 in 2024 (30% «4»+«5») becomes grade 5 in 2025 (70%); the region holds 50% in both works.
        var context = new Results()
            .SchoolMarks("S1", 2024, Maths4, twos: 4, threes: 24, fours: 10, fives: 2)
            .SchoolMarks("S1", 2025, Maths5, twos: 2, threes: 10, fours: 20, fives: 8)
            .RegionMarks(2024, Maths4, 100, 400, 400, 100)
            .RegionMarks(2025, Maths5, 100, 400, 400, 100)
            .Context();

        var sign = Assert.Single(new CohortJumpDetector().Detect(context, "S1", 2025));

        Assert.Equal(ObjectivitySignKind.CohortJump, sign.Kind);
        Assert.Equal(new ComparedResults(WorkScope.Of(ProcedureKind.Vpr, "MA", 4), 2024), sign.ComparedWith);
        Assert.StartsWith("ВПР, математика, 5 класс, та же когорта: 4 класс в 2024 году: доля «4» и «5» выросла с 30% до 70%", sign.ExplanationRu);
        Assert.Empty(new YearOverYearJumpDetector().Detect(context, "S1", 2025));
    }
}
