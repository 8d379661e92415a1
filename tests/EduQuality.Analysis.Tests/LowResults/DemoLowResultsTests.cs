using System.Diagnostics;
using EduQuality.Domain.Analysis.LowResults;
using Xunit.Abstractions;

namespace EduQuality.Analysis.Tests.LowResults;

/// <summary>
/// The identification with its default options on scaled-down demo regions of two seeds, scored against the planted
/// low-result schools (ground truth). The floors are the acceptance bar of docs/analysis-low-results.md.
/// </summary>
public sealed class DemoLowResultsTests(ITestOutputHelper output)
{
    private const double PrecisionFloor = 0.7;
    private const double RecallFloor = 0.7;

    [Theory]
    [InlineData(20251)]
    [InlineData(7)]
    public void Shnor_list_finds_the_planted_low_result_schools(int seed)
    {
        var data = DemoLowResultsData.ForSeed(seed);
        var clock = Stopwatch.StartNew();
        var report = LowResultsIdentification.Run(data.Input);
        var analysed = clock.Elapsed;
        var latest = report.Latest!;
        var (precision, recall, listed, hits) = data.Score(latest.Shnor.Select(s => s.SchoolCode).ToList());

        output.WriteLine($"seed {seed}: {data.Input.Schools.Count} general schools, {data.Planted.Count} planted; generated in {data.GenerationTime.TotalSeconds:F1} s, "
            + $"analysed in {analysed.TotalSeconds:F1} s");
        foreach (var lists in report.Lists)
        {
            var (p, r, n, h) = data.Score(lists.Shnor.Select(s => s.SchoolCode).ToList());
            var model = report.Regressions[lists.Year];
            output.WriteLine($"  {lists.Year}{(lists.Provisional ? " (provisional)" : "")}: ШНОР {n} (hits {h}, precision {p:F2}, recall {r:F2}), "
                + $"ШНСУ {lists.Shnsu.Count}; regression R² {model.RSquared:F2}, cut {model.Cut:F2}");
        }

        output.WriteLine($"  latest ШНОР list {latest.Year}: precision {precision:F2} ({hits}/{listed}), recall {recall:F2} ({hits}/{data.Planted.Count})");
        output.WriteLine($"  missed: {string.Join(", ", data.Planted.Where(p => latest.Shnor.All(s => s.SchoolCode != p)).Order())}");
        output.WriteLine($"  false positives: {string.Join(", ", latest.Shnor.Select(s => s.SchoolCode).Where(c => !data.Planted.Contains(c)))}");
        output.WriteLine("  e.g. " + latest.Shnor.First().Reasons[0].TextRu);
        output.WriteLine("       " + latest.Shnor.First().Reasons[0].TextEn);
        Assert.False(latest.Provisional);
        Assert.True(precision >= PrecisionFloor, $"ШНОР precision {precision:F2} below the floor {PrecisionFloor} (seed {seed}).");
        Assert.True(recall >= RecallFloor, $"ШНОР recall {recall:F2} below the floor {RecallFloor} (seed {seed}).");
    }

    [Theory]
    [InlineData(20251)]
    [InlineData(7)]
    public void Social_index_follows_the_latent_advantage_and_lists_the_planted_schools_as_shnsu(int seed)
    {
        var data = DemoLowResultsData.ForSeed(seed);
        var index = SocialWellbeingIndex.Compute(data.Input.Schools);
        var advantage = data.Region.Contexts.ToDictionary(c => c.SchoolCode, c => c.SocialAdvantage);
        var codes = index.Schools.Keys.ToList();
        var r = Pearson(codes.Select(c => index.Schools[c].Index).ToList(), codes.Select(c => advantage[c]).ToList());
        var plantedInShnsu = data.Planted.Count(index.Candidates.Contains) / (double)data.Planted.Count;

        output.WriteLine($"seed {seed}: corr(ИСБШ, latent advantage) = {r:F2}; ШНСУ {index.Candidates.Count} of {codes.Count}, cut {index.Cut:F2}; "
            + $"planted schools on the ШНСУ list {plantedInShnsu:P0}");
        Assert.True(r >= 0.6, $"ИСБШ correlates {r:F2} with the latent social advantage.");
        Assert.Equal(LowResultsMath.BottomCount(codes.Count, 0.25), index.Candidates.Count);
        Assert.True(plantedInShnsu >= 0.75, $"Only {plantedInShnsu:P0} of the planted schools are ШНСУ candidates.");
    }

    [Fact]
    public void Every_listed_school_is_explained_in_both_languages_with_its_numbers()
    {
        var data = DemoLowResultsData.ForSeed(20251);
        var report = LowResultsIdentification.Run(data.Input);

        foreach (var school in report.Latest!.Shnor)
        {
            Assert.Equal([LowResultsReasons.RegressionMethod, LowResultsReasons.ClusterMethodCode], school.Reasons.Select(r => r.Method));
            var regression = school.Reasons[0];
            var lastFlagged = regression.Figures.Where(f => f.Name == "residual").Max(f => f.Year)!.Value;
            var row = report.Regressions[lastFlagged].Schools[school.SchoolCode];
            Assert.Equal(row.Actual - row.Predicted, row.Residual, 12);
            Assert.True(row.Residual < report.Regressions[lastFlagged].Cut);
            Assert.Contains("остаток", regression.TextRu);
            Assert.Contains("residual", regression.TextEn);
            Assert.Contains(LowResultsMath.Ru(row.Residual), regression.TextRu);
            Assert.Contains(LowResultsMath.En(row.Residual), regression.TextEn);
            Assert.Contains("кластер", school.Reasons[1].TextRu);
        }

        foreach (var school in report.Latest.Shnsu)
        {
            Assert.Equal(LowResultsReasons.SocialIndexMethod, Assert.Single(school.Reasons).Method);
            Assert.Contains("ИСБШ", school.Reasons[0].TextRu);
        }
    }

    [Fact]
    public void Lists_have_a_history_and_dynamics_for_every_pair_of_years()
    {
        var data = DemoLowResultsData.ForSeed(20251);
        var report = LowResultsIdentification.Run(data.Input);

        Assert.Equal([2023, 2024, 2025], report.Lists.Select(l => l.Year));
        Assert.Equal([true, true, false], report.Lists.Select(l => l.Provisional));
        Assert.Equal(6, report.Dynamics.Count);
        foreach (var dynamics in report.Dynamics)
        {
            var before = report.ListsOf(dynamics.FromYear)!.Codes(dynamics.Kind);
            var after = report.ListsOf(dynamics.ToYear)!.Codes(dynamics.Kind);
            Assert.Equal(before.Union(after).Count(), dynamics.Denominator);
            output.WriteLine($"{dynamics.Kind} {dynamics.FromYear}→{dynamics.ToYear}: entered {dynamics.Entered.Count}, left {dynamics.Left.Count}, "
                + $"stayed {dynamics.Stayed.Count}; D2 {dynamics.PositiveShare:P0}, D2N {dynamics.NegativeShare:P0}, F10 {dynamics.ChangedShare:P0}");
        }

        foreach (var school in report.Latest!.Shnor)
        {
            var history = report.HistoryOf(school.SchoolCode)!;
            Assert.True(history.In(2025)!.InShnor);
            Assert.Contains(history.In(2025)!.Shnor, new[] { ListTransition.Entered, ListTransition.Stayed });
        }
    }

    private static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        var syy = y.Sum(b => (b - my) * (b - my));
        return sxy / Math.Sqrt(sxx * syy);
    }
}
