using EduQuality.Domain.Analysis.Objectivity;

namespace EduQuality.Analysis.Tests.Objectivity;

public sealed class ObjectivityAnalyzerTests
{
    private const int Year = 2024;

    [Fact]
    public void Schools_with_signs_are_listed_per_region_and_municipality_and_year()
    {
        var report = new ObjectivityAnalyzer().Analyze(TwoSchools().Input());

        Assert.Equal([("A", Year), ("B", Year)], report.Risks.Select(r => (r.SchoolCode, r.Year)));
        var inflated = report.Risks[0];
        Assert.True(inflated.Flagged);
        Assert.Equal("M1", inflated.MunicipalityCode);

        // Two works raised 40% against 6%: both at full strength, journal family 1 − 0 × 0 = 1, score 0.35.
        Assert.Equal(0.35, inflated.Score, 9);
        Assert.All(inflated.Signs, s => Assert.Equal(ObjectivitySignKind.JournalRaised, s.Sign.Kind));
        Assert.False(report.Risks[1].Flagged);
        Assert.Equal([new FlaggedSchools(Year, null, ["A"])], report.Region, FlaggedEquality.Instance);
        Assert.Equal(
            [new FlaggedSchools(Year, "M1", ["A"]), new FlaggedSchools(Year, "M2", [])],
            report.Municipalities,
            FlaggedEquality.Instance);
    }

    [Fact]
    public void The_same_input_gives_the_same_report()
    {
        var input = TwoSchools().Input();

        var first = new ObjectivityAnalyzer().Analyze(input);
        var second = new ObjectivityAnalyzer().Analyze(input);

        Assert.Equal(
            first.Risks.SelectMany(r => r.Signs.Select(s => (r.SchoolCode, r.Score, s.Sign.ExplanationEn, s.Contribution))),
            second.Risks.SelectMany(r => r.Signs.Select(s => (r.SchoolCode, r.Score, s.Sign.ExplanationEn, s.Contribution))));
    }

    [Fact]
    public void An_option_out_of_range_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new ObjectivityAnalyzer(ObjectivityOptions.Default with { Significance = 0 }));

        Assert.StartsWith("ObjectivityOptions.Significance = 0 must be in (0, 1).", error.Message);
    }

    private static Results TwoSchools()
    {
        var results = new Results().Municipality("A", "M1").Municipality("B", "M2");
        foreach (var subject in new[] { "RU", "MA" })
        {
            var slice = Results.Vpr(subject, 5);
            results.SchoolJournal("A", Year, slice, lowered: 4, confirmed: 20, raised: 16)
                .SchoolJournal("B", Year, slice, lowered: 8, confirmed: 28, raised: 4)
                .RegionJournal(Year, slice, lowered: 240, confirmed: 700, raised: 60);
        }

        return results;
    }

    private sealed class FlaggedEquality : IEqualityComparer<FlaggedSchools>
    {
        public static FlaggedEquality Instance { get; } = new();

        public bool Equals(FlaggedSchools? x, FlaggedSchools? y) =>
            x is not null && y is not null && x.Year == y.Year && x.MunicipalityCode == y.MunicipalityCode && x.SchoolCodes.SequenceEqual(y.SchoolCodes);

        public int GetHashCode(FlaggedSchools obj) => HashCode.Combine(obj.Year, obj.MunicipalityCode);
    }
}
