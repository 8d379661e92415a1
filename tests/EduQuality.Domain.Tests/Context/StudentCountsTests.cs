using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Context;

namespace EduQuality.Domain.Tests.Context;

/// <summary>The rule between a school context's shares and its student counts (docs/adr/0025-student-counts-beside-shares.md).</summary>
public sealed class StudentCountsTests
{
    private static SchoolContextFactors Shares(double share) => new(share, share, share, share, share, false, false, false, false);

    private static StudentCounts Counts(int students, int? registered = null, int? individualPlan = null) =>
        new(students, registered, null, null, null, null, individualPlan);

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(4, false)]
    [InlineData(7, false)]
    public void A_share_agrees_with_its_count_within_half_a_student(int registered, bool agrees)
    {
        // 0.11 × 50 = 5.5: counts 5 and 6 are both within 0.5.
        var violations = Counts(50, registered).Check(0, Shares(0.11)).ToList();

        Assert.Equal(agrees, violations.Count == 0);
        if (!agrees)
        {
            Assert.Equal("rows[0].share_on_preventive_register", Assert.Single(violations).Field);
        }
    }

    [Fact]
    public void Counts_need_students_and_stay_within_them()
    {
        Assert.Equal(["rows[3].students_individual_plan"], Counts(0, individualPlan: 1).Check(3, Shares(0)).Select(v => v.Field));
        Assert.Equal(["rows[0].students_registered_odn_kdn"], Counts(10, registered: 11).Check(0, Shares(0)).Select(v => v.Field));
        Assert.Equal(["rows[0].students"], Counts(-1).Check(0, Shares(0)).Select(v => v.Field));
        Assert.Empty(Counts(0).Check(0, Shares(0.3)));
    }

    [Fact]
    public void Resolve_takes_a_zero_share_from_its_count_and_a_missing_count_from_its_share_rounded_half_away_from_zero()
    {
        var (factors, counts) = Counts(10, registered: 3).Resolve(Shares(0.25) with { ShareOnPreventiveRegister = 0 });

        Assert.Equal(0.3, factors.ShareOnPreventiveRegister);
        Assert.Equal(0.25, factors.ShareMigrantOrLowRussian);
        // 0.25 × 10 = 2.5 → 3.
        Assert.Equal((3, 3, 3, 3, 3), (counts.RegisteredOdnKdn, counts.MigrantOrLowRussian, counts.NotAttested, counts.SystematicAbsence, counts.LearningDisability));
        Assert.Null(counts.IndividualPlan);
    }

    [Fact]
    public void Without_students_the_row_stays_as_sent()
    {
        var (factors, counts) = Counts(0).Resolve(Shares(0.2));

        Assert.Equal(Shares(0.2), factors);
        Assert.Null(counts.RegisteredOdnKdn);
    }
}
