using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Analysis.Tests.Objectivity;

public sealed class CrossProcedureDetectorTests
{
    private const int Year = 2024;

    [Fact]
    public void Top_quartile_in_the_work_and_bottom_quartile_in_the_exam_is_a_sign_for_that_school_only()
    {
        // Twelve schools of 20: school i has i «5» and 20 − i «3» in ВПР mathematics 5, so S12 ranks highest
        // (percentile (11 + ½) ÷ 12 = 95.8); in ОГЭ mathematics the same order except S12, all «2», lowest (4.2).
        var results = new Results();
        var oge = new SliceKey(ProcedureKind.Oge, "MA", 9, "");
        for (var i = 1; i <= 12; i++)
        {
            var school = $"S{i:00}";
            results.SchoolMarks(school, Year, Results.Vpr("MA", 5), twos: 0, threes: 20 - i, fours: 0, fives: i, alsoRegion: true);
            if (i < 12)
            {
                results.SchoolMarks(school, Year, oge, twos: 0, threes: 20 - i, fours: 0, fives: i, alsoRegion: true);
            }
            else
            {
                results.SchoolMarks(school, Year, oge, twos: 20, threes: 0, fours: 0, fives: 0, alsoRegion: true);
            }
        }

        var context = results.Context();
        var detector = new CrossProcedureDetector();
        var signs = Enumerable.Range(1, 12).SelectMany(i => detector.Detect(context, $"S{i:00}", Year)).ToList();

        var sign = Assert.Single(signs);
        Assert.Equal("S12", sign.SchoolCode);
        Assert.Equal(ObjectivitySignKind.CrossProcedure, sign.Kind);
        Assert.Equal(100 * 11.5 / 12, sign.Measured, 9);
        Assert.Equal(100 * 0.5 / 12, sign.Reference, 9);
        Assert.Equal(75, sign.Threshold, 9);
        Assert.Equal(new ComparedResults(new WorkScope(ProcedureKind.Oge, "MA", [9], null), Year), sign.ComparedWith);

        // Gap 91.7 over the 50 points between the quartiles: exceedance 1.83, strength 0.92.
        Assert.Equal(100 * 11 / 12.0 / 50 / 2, sign.Strength, 9);
        Assert.Equal(
            "ВПР, математика, 5 класс: школа на 96-м процентиле региона по ВПР, но на 4-м по ОГЭ того же предмета "
            + "(пороги: не ниже 75-го и не выше 25-го).",
            sign.ExplanationRu);
        Assert.Equal(
            "VPR, Mathematics, grade 5: the school is at the 96th percentile of the region in VPR but at the 4th in OGE of the same "
            + "subject (thresholds: at least the 75th, at most the 25th).",
            sign.ExplanationEn);
    }

    [Fact]
    public void Fewer_ranked_schools_than_the_minimum_give_no_percentiles()
    {
        var results = new Results();
        var oge = new SliceKey(ProcedureKind.Oge, "MA", 9, "");
        for (var i = 1; i <= 9; i++)
        {
            results.SchoolMarks($"S{i}", Year, Results.Vpr("MA", 5), twos: 0, threes: 20 - i, fours: 0, fives: i, alsoRegion: true)
                .SchoolMarks($"S{i}", Year, oge, twos: 0, threes: i, fours: 0, fives: 20 - i, alsoRegion: true);
        }

        var context = results.Context();

        Assert.Null(context.Ranks(Year).Find("S9", ProcedureKind.Vpr, "MA"));
        Assert.Empty(new CrossProcedureDetector().Detect(context, "S9", Year));
    }

    [Fact]
    public void Profile_and_base_mathematics_belong_to_the_mathematics_family()
    {
        Assert.Equal("MA", ObjectivityOptions.Default.FamilyOf("MAP"));
        Assert.Equal("MA", ObjectivityOptions.Default.FamilyOf("MAB"));
        Assert.Equal("RU", ObjectivityOptions.Default.FamilyOf("RU"));
    }
}
