using EduQuality.Domain.Analysis.LowResults;

namespace EduQuality.Analysis.Tests.LowResults;

public sealed class SocialWellbeingIndexTests
{
    /// <summary>Four schools that differ in two components: register share 0.1…0.4, a staff shortage only at D.</summary>
    private static readonly SchoolProfile[] Schools =
    [
        Profile("A", register: 0.1, shortage: false),
        Profile("B", register: 0.2, shortage: false),
        Profile("C", register: 0.3, shortage: false),
        Profile("D", register: 0.4, shortage: true),
    ];

    [Fact]
    public void Index_is_the_mean_of_oriented_z_scores()
    {
        // Register: mean 0.25, population SD √0.0125, so z = −3/√5, −1/√5, 1/√5, 3/√5.
        // Shortage: mean 0.25, SD √0.1875, so z = −1/√3 for A–C and √3 for D.
        // Both count against wellbeing. All nine components weigh 1/9; the other seven do not vary (z = 0), so
        // ИСБШ = −(z_register + z_shortage) / 9.
        var result = SocialWellbeingIndex.Compute(Schools);

        var s5 = Math.Sqrt(5);
        var s3 = Math.Sqrt(3);
        Assert.Equal(((3 / s5) + (1 / s3)) / 9, result.Schools["A"].Index, 10);
        Assert.Equal(-((-1 / s5) - (1 / s3)) / 9, result.Schools["B"].Index, 10);
        Assert.Equal(-((1 / s5) - (1 / s3)) / 9, result.Schools["C"].Index, 10);
        Assert.Equal(-((3 / s5) + s3) / 9, result.Schools["D"].Index, 10);
    }

    [Fact]
    public void Weights_select_components_and_the_bottom_quartile_is_the_shnsu_candidate()
    {
        var options = new SocialWellbeingOptions
        {
            Weights = new Dictionary<SocialComponent, double> { [SocialComponent.PreventiveRegister] = 1, [SocialComponent.StaffShortage] = 1 },
        };

        var result = SocialWellbeingIndex.Compute(Schools, options);

        var s5 = Math.Sqrt(5);
        var s3 = Math.Sqrt(3);
        Assert.Equal(((3 / s5) + (1 / s3)) / 2, result.Schools["A"].Index, 10);   // 0.960
        Assert.Equal(((1 / s5) + (1 / s3)) / 2, result.Schools["B"].Index, 10);   // 0.512
        Assert.Equal(((-1 / s5) + (1 / s3)) / 2, result.Schools["C"].Index, 10);  // 0.065
        Assert.Equal(((-3 / s5) - s3) / 2, result.Schools["D"].Index, 10);        // −1.537
        Assert.Equal(["D"], result.Candidates);
        Assert.Equal(1, result.Schools["D"].Rank);
        Assert.Equal(4, result.Schools["A"].Rank);
        Assert.Equal(result.Schools["D"].Index, result.Cut);
        Assert.Equal([SocialComponent.StaffShortage, SocialComponent.PreventiveRegister], result.Schools["D"].WorstComponents(3));
        Assert.Equal(result.Schools["D"].Index, result.Schools["D"].Contributions.Values.Sum(), 12);
    }

    [Fact]
    public void Orientation_and_bottom_share_are_configurable()
    {
        var options = new SocialWellbeingOptions
        {
            Weights = new Dictionary<SocialComponent, double> { [SocialComponent.PreventiveRegister] = 1 },
            HigherIsAdvantaged = new HashSet<SocialComponent> { SocialComponent.PreventiveRegister },
            BottomShare = 0.5,
        };

        var result = SocialWellbeingIndex.Compute(Schools, options);

        Assert.Equal(-3 / Math.Sqrt(5), result.Schools["A"].Index, 10);
        Assert.Equal(["A", "B"], result.Candidates);
    }

    [Fact]
    public void Ties_at_the_cut_are_all_candidates()
    {
        var tied = new[] { Profile("A", 0.1, false), Profile("B", 0.3, false), Profile("C", 0.3, false), Profile("D", 0.1, false) };
        var options = new SocialWellbeingOptions { BottomShare = 0.25 };

        var result = SocialWellbeingIndex.Compute(tied, options);

        Assert.Equal(["B", "C"], result.Candidates);
    }

    private static SchoolProfile Profile(string code, double register, bool shortage) => new(
        code, "M01", SchoolSettlement.Rural, 100, new SchoolContextFactors(register, 0.05, 0.01, 0.03, 0.04, false, false, false, shortage));
}
