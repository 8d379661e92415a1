using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Assessment;

namespace EduQuality.Analysis.Tests.Objectivity;

public sealed class RiskScorerTests
{
    private readonly RiskScorer _scorer = new(ObjectivityOptions.Default);

    [Fact]
    public void Two_families_add_their_weighted_strengths_and_the_school_is_listed()
    {
        // Journal (weight 0.35) at full strength and a boundary peak (0.25) at half: 0.35 + 0.125 over a weight sum of 1.
        var risk = Score(Sign(ObjectivitySignKind.JournalRaised, "RU", 1.0), Sign(ObjectivitySignKind.BoundaryPeak, "MA", 0.5));

        Assert.Equal(0.475, risk.Score, 9);
        Assert.True(risk.Flagged);
        Assert.Equal([0.35, 0.125], risk.Signs.Select(s => Math.Round(s.Contribution, 9)));
        Assert.Equal(ObjectivitySignKind.JournalRaised, risk.Signs[0].Sign.Kind);
    }

    [Fact]
    public void Units_of_one_family_reinforce_each_other_and_share_its_weight_by_their_logarithms()
    {
        // 1 − (1 − 0.5)(1 − 0.75) = 0.875 of 0.35 = 0.30625, split by −ln 0.5 : −ln 0.25 = 1 : 2.
        var risk = Score(Sign(ObjectivitySignKind.JournalRaised, "RU", 0.5), Sign(ObjectivitySignKind.JournalRaised, "MA", 0.75));

        Assert.Equal(0.30625, risk.Score, 9);
        Assert.True(risk.Flagged);
        Assert.Equal("MA", risk.Signs[0].Sign.Scope.Subject);
        Assert.Equal(0.30625 * 2 / 3, risk.Signs[0].Contribution, 9);
        Assert.Equal(0.30625 / 3, risk.Signs[1].Contribution, 9);
    }

    [Fact]
    public void Evidence_below_the_listing_score_is_not_listed()
    {
        // Two journal units at half strength: 1 − 0.25 = 0.75 of 0.35 = 0.2625 < 0.3.
        var risk = Score(Sign(ObjectivitySignKind.JournalRaised, "RU", 0.5), Sign(ObjectivitySignKind.JournalRaised, "MA", 0.5));

        Assert.Equal(0.2625, risk.Score, 9);
        Assert.False(risk.Flagged);
    }

    [Fact]
    public void One_work_alone_is_not_listed_however_strong()
    {
        var sign = Sign(ObjectivitySignKind.JournalRaised, "RU", 1.0);

        var risk = Score(sign);
        var lenient = new RiskScorer(ObjectivityOptions.Default with { MinimumUnits = 1 }).Score("S1", "M1", 2025, [sign]);

        Assert.Equal(0.35, risk.Score, 9);
        Assert.False(risk.Flagged);
        Assert.True(lenient.Flagged);
    }

    [Fact]
    public void A_class_beside_its_school_is_the_same_evidence_and_only_the_stronger_counts()
    {
        var school = Sign(ObjectivitySignKind.JournalRaised, "RU", 0.6);
        var inClass = Sign(ObjectivitySignKind.JournalRaised, "RU", 0.9, "5Б");
        var unconfirmed = Sign(ObjectivitySignKind.JournalUnconfirmed, "RU", 0.7);

        var risk = Score(school, inClass, unconfirmed);

        Assert.Equal(0.35 * 0.9, risk.Score, 9);
        Assert.False(risk.Flagged);
        Assert.Equal([inClass, unconfirmed, school], risk.Signs.Select(s => s.Sign));
        Assert.Equal([0.315, 0, 0], risk.Signs.Select(s => Math.Round(s.Contribution, 9)));
    }

    [Fact]
    public void A_family_of_weight_zero_is_reported_without_contributing_or_counting_as_a_unit()
    {
        var risk = Score(Sign(ObjectivitySignKind.JournalRaised, "RU", 1.0), Sign(ObjectivitySignKind.JournalLowered, "MA", 1.0));

        Assert.Equal(0.35, risk.Score, 9);
        Assert.False(risk.Flagged);
        Assert.Equal(0, risk.Signs.Single(s => s.Sign.Kind == ObjectivitySignKind.JournalLowered).Contribution);
    }

    [Fact]
    public void No_signs_score_zero()
    {
        var risk = Score();

        Assert.Equal(0, risk.Score);
        Assert.False(risk.Flagged);
        Assert.Empty(risk.Signs);
    }

    private SchoolYearRisk Score(params ObjectivitySign[] signs) => _scorer.Score("S1", "M1", 2025, signs);

    private static ObjectivitySign Sign(ObjectivitySignKind kind, string subject, double strength, string? classLabel = null) =>
        new(kind, "S1", 2025, new WorkScope(ProcedureKind.Vpr, subject, [5], classLabel), 40, 0.4, 0.06, 0.15, MeasureUnit.Share, 1e-6,
            strength, false, null, "—", "—");
}
