using EduQuality.Domain.Analysis.Objectivity;

namespace EduQuality.Analysis.Tests.Objectivity;

public sealed class JournalMismatchDetectorTests
{
    private const int Year = 2024;
    private static readonly Domain.Summaries.SliceKey Russian5 = Results.Vpr("RU", 5);

    [Fact]
    public void Raised_share_far_above_the_region_is_a_sign_with_its_numbers_and_explanations()
    {
        // 40 compared: 16 raised (40%), 20 confirmed (50%, not below 50%), 4 lowered; the region raises 6% (60 of 1000).
        var context = new Results()
            .SchoolJournal("S1", Year, Russian5, lowered: 4, confirmed: 20, raised: 16)
            .RegionJournal(Year, Russian5, lowered: 240, confirmed: 700, raised: 60)
            .Context();

        var sign = Assert.Single(Detect(context));

        Assert.Equal(ObjectivitySignKind.JournalRaised, sign.Kind);
        Assert.Equal(ObjectivitySignFamily.JournalMismatch, sign.Family);
        Assert.Equal(WorkScope.Of(Domain.Assessment.ProcedureKind.Vpr, "RU", 5), sign.Scope);
        Assert.Equal(40, sign.Participants);
        Assert.Equal(0.40, sign.Measured, 9);
        Assert.Equal(0.06, sign.Reference, 9);
        Assert.Equal(0.15, sign.Threshold, 9);
        Assert.True(sign.PValue < 1e-6);

        // 40% is 2.7 times the threshold: past twice the threshold the strength is full.
        Assert.Equal(1.0, sign.Strength, 9);
        Assert.Equal("ВПР, русский язык, 5 класс: доля повысивших 40% при 6% по региону (порог 15%); сравнено 40 работ.", sign.ExplanationRu);
        Assert.Equal("VPR, Russian language, grade 5: raised 40% against 6% in the region (threshold 15%); 40 works compared.", sign.ExplanationEn);
    }

    [Fact]
    public void Raised_share_below_the_threshold_is_no_sign()
    {
        // 5 of 40 = 12.5% raised: under 15%, although twice the region's 6%.
        var context = new Results()
            .SchoolJournal("S1", Year, Russian5, lowered: 5, confirmed: 30, raised: 5)
            .RegionJournal(Year, Russian5, lowered: 240, confirmed: 700, raised: 60)
            .Context();

        Assert.Empty(Detect(context));
    }

    [Fact]
    public void Raised_share_over_the_threshold_by_chance_in_a_small_group_is_no_sign()
    {
        // 4 of 20 = 20% raised is over 15%, but with the region at 6% P(X ≥ 4) = 0.029, far above 0.001.
        var context = new Results()
            .SchoolJournal("S1", Year, Russian5, lowered: 2, confirmed: 14, raised: 4)
            .RegionJournal(Year, Russian5, lowered: 240, confirmed: 700, raised: 60)
            .Context();

        Assert.Empty(Detect(context));
        Assert.Equal(0.029, SignStatistics.BinomialUpperTail(4, 20, 0.06), 3);
    }

    [Fact]
    public void Three_times_the_regional_share_is_the_threshold_where_that_is_lower()
    {
        // The region raises 2% (20 of 1000), so the threshold is 3 × 2% = 6% instead of 15%: 6 of 40 = 15% is a sign.
        var context = new Results()
            .SchoolJournal("S1", Year, Russian5, lowered: 6, confirmed: 28, raised: 6)
            .RegionJournal(Year, Russian5, lowered: 280, confirmed: 700, raised: 20)
            .Context();

        var sign = Assert.Single(Detect(context));

        Assert.Equal(ObjectivitySignKind.JournalRaised, sign.Kind);
        Assert.Equal(0.06, sign.Threshold, 9);
        Assert.Equal(0.15, sign.Measured, 9);
    }

    [Fact]
    public void Fewer_than_twenty_compared_marks_are_never_judged()
    {
        var context = new Results()
            .SchoolJournal("S1", Year, Russian5, lowered: 0, confirmed: 0, raised: 19)
            .RegionJournal(Year, Russian5, lowered: 240, confirmed: 700, raised: 60)
            .Context();

        Assert.Empty(Detect(context));
    }

    [Fact]
    public void Low_agreement_leaning_to_the_work_is_an_unconfirmed_sign_beside_the_raised_one()
    {
        // 40 compared: 14 confirmed (35%), 14 raised, 12 lowered; the region confirms 70%.
        var context = new Results()
            .SchoolJournal("S1", Year, Russian5, lowered: 12, confirmed: 14, raised: 14)
            .RegionJournal(Year, Russian5, lowered: 240, confirmed: 700, raised: 60)
            .Context();

        var signs = Detect(context);

        Assert.Equal([ObjectivitySignKind.JournalRaised, ObjectivitySignKind.JournalUnconfirmed], signs.Select(s => s.Kind));
        var unconfirmed = signs[1];
        Assert.Equal(0.35, unconfirmed.Measured, 9);
        Assert.Equal(0.70, unconfirmed.Reference, 9);
        Assert.Equal(0.50, unconfirmed.Threshold, 9);

        // Exceedance 0.50 ÷ 0.35 = 1.43, strength 0.71.
        Assert.Equal(0.5 / 0.35 / 2, unconfirmed.Strength, 9);
        Assert.Contains("доля подтвердивших отметку по журналу 35% при 70% по региону (порог 50%), повысили 35%, понизили 30%", unconfirmed.ExplanationRu);
    }

    [Fact]
    public void Journal_above_the_work_is_its_own_sign_and_not_an_unconfirmed_one()
    {
        // 40 compared: 22 lowered (55%), 16 confirmed (40%), 2 raised; the region lowers 24%.
        var context = new Results()
            .SchoolJournal("S1", Year, Russian5, lowered: 22, confirmed: 16, raised: 2)
            .RegionJournal(Year, Russian5, lowered: 240, confirmed: 700, raised: 60)
            .Context();

        var sign = Assert.Single(Detect(context));

        Assert.Equal(ObjectivitySignKind.JournalLowered, sign.Kind);
        Assert.Equal(ObjectivitySignFamily.JournalAboveWork, sign.Family);
        Assert.Equal(0.55, sign.Measured, 9);
        Assert.EndsWith("доля понизивших 55% при 24% по региону (порог 50%): отметки в журнале завышены; сравнено 40 работ.", sign.ExplanationRu);
    }

    [Fact]
    public void A_class_is_judged_on_its_own_when_its_school_is_not_a_sign()
    {
        // 5А: 30 compared, none raised; 5Б: 20 compared, 8 raised (40%). The school: 8 of 50 = 16%, P(X ≥ 8) = 0.014.
        var context = new Results()
            .SchoolJournal("S1", Year, Results.Vpr("RU", 5, "5А"), lowered: 6, confirmed: 24, raised: 0)
            .SchoolJournal("S1", Year, Results.Vpr("RU", 5, "5Б"), lowered: 2, confirmed: 10, raised: 8)
            .RegionJournal(Year, Russian5, lowered: 240, confirmed: 700, raised: 60)
            .Context();

        var sign = Assert.Single(Detect(context));

        Assert.Equal("5Б", sign.Scope.ClassLabel);
        Assert.Equal(20, sign.Participants);
        Assert.StartsWith("ВПР, русский язык, 5 класс, класс 5Б: доля повысивших 40% при 6% по региону", sign.ExplanationRu);
    }

    private static List<ObjectivitySign> Detect(ObjectivityContext context) =>
        new JournalMismatchDetector().Detect(context, "S1", Year).ToList();
}
