using EduQuality.Api.V1;

namespace EduQuality.Demo.Tests;

public sealed class RealismTests(PlantedRegionFixture region) : IClassFixture<PlantedRegionFixture>
{
    [Fact]
    public void Ege_russian_averages_60_to_70_with_some_below_the_minimum_and_a_tenth_to_a_fifth_at_81_plus()
    {
        var scores = region.Rows.Where(r => r is { Procedure: Procedure.Ege, Subject: "RU" }).Select(r => r.TestScore).ToList();

        Assert.InRange(scores.Average(), 60, 70);
        Assert.InRange(scores.Count(s => s < 24), 1, scores.Count / 50);
        Assert.InRange(scores.Count(s => s >= 81) / (double)scores.Count, 0.10, 0.20);
    }

    [Fact]
    public void About_60_percent_of_graduates_take_profile_mathematics()
    {
        var profile = region.Rows.Count(r => r is { Procedure: Procedure.Ege, Subject: "MAP" });
        var basic = region.Rows.Count(r => r is { Procedure: Procedure.Ege, Subject: "MAB" });

        Assert.InRange(profile / (double)(profile + basic), 0.55, 0.70);
    }

    [Theory]
    [InlineData(Procedure.Vpr)]
    [InlineData(Procedure.Oge)]
    public void Marks_spread_over_2_to_5_with_a_minority_of_2s(Procedure procedure)
    {
        var marks = region.Rows.Where(r => r.Procedure == procedure).Select(r => r.Mark).ToList();
        double Share(int mark) => marks.Count(m => m == mark) / (double)marks.Count;

        Assert.InRange(Share(2), 0.05, 0.20);
        Assert.InRange(Share(3), 0.25, 0.45);
        Assert.InRange(Share(4), 0.25, 0.50);
        Assert.InRange(Share(5), 0.05, 0.25);
    }

    [Fact]
    public void Most_honest_vpr_marks_confirm_the_journal_and_journals_are_kinder()
    {
        var honest = region.Rows.Where(r => r.Procedure == Procedure.Vpr && !region.IsPlanted(r.School)).ToList();

        var confirmed = honest.Average(r => r.Mark == r.TermMark ? 1.0 : 0.0);
        var lowered = honest.Average(r => r.Mark < r.TermMark ? 1.0 : 0.0);

        Assert.InRange(confirmed, 0.60, 0.75);
        Assert.InRange(lowered, 0.18, 0.35);
    }

    [Fact]
    public void Ege_electives_are_spread_over_the_nine_subjects()
    {
        var electives = region.Rows
            .Where(r => r.Procedure == Procedure.Ege && r.Subject is not ("RU" or "MAP" or "MAB"))
            .GroupBy(r => r.Subject)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["BI", "CH", "EN", "GE", "HI", "IN", "LI", "PH", "SO"], electives.Keys.Order());
        Assert.Equal("SO", electives.MaxBy(e => e.Value).Key);
    }
}
