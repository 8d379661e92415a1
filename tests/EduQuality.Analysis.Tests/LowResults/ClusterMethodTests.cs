using EduQuality.Domain.Analysis.LowResults;

namespace EduQuality.Analysis.Tests.LowResults;

public sealed class ClusterMethodTests
{
    private const int Year = 2025;

    [Fact]
    public void Bottom_share_flags_the_lowest_schools_of_the_cluster()
    {
        // Ten schools with integrals −0.9, −0.8, …, 0.0; the bottom 20% is ⌈0.2 · 10⌉ = 2 schools.
        var schools = Enumerable.Range(0, 10).Select(i => (Code: $"S{i}", Integral: -0.1 * (9 - i))).ToList();
        var options = new ClusterOptions { Basis = ClusterBasis.Region, Cut = ClusterCut.BottomShare, BottomShare = 0.2 };

        var year = Run(schools.Select(s => (s.Code, SchoolSettlement.Rural, 50, s.Integral)), options);

        Assert.Equal(["S0", "S1"], year.Schools.Values.Where(s => s.Flagged).Select(s => s.SchoolCode).Order());
        Assert.Equal(-0.8, year.Clusters.Single().Cut, 12);
        Assert.Equal(1, year.Schools["S0"].Rank);
        Assert.Equal(10, year.Schools["S0"].ClusterSize);
    }

    [Fact]
    public void Robust_deviation_flags_only_an_outlier_below_the_median()
    {
        // Median −0.025; absolute deviations' median (MAD) 0.15; robust SD 1.4826 · 0.15 = 0.22239;
        // cut = −0.025 − 2 · 0.22239 = −0.46978: only the school at −2.0 is below it.
        double[] values = [0.0, 0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.05, -0.05, -2.0];
        var options = new ClusterOptions { Basis = ClusterBasis.Region, Cut = ClusterCut.RobustDeviation, RobustSd = 2 };

        var year = Run(values.Select((v, i) => ($"S{i}", SchoolSettlement.Urban, 500, v)), options);

        Assert.Equal(-0.025 - (2 * 1.4826 * 0.15), year.Clusters.Single().Cut, 10);
        Assert.Equal(["S9"], year.Schools.Values.Where(s => s.Flagged).Select(s => s.SchoolCode));
    }

    [Fact]
    public void Settlement_and_size_clusters_rank_schools_among_their_peers_and_merge_small_clusters()
    {
        // 12 rural schools under 100 students at −1.0 … −0.45, 12 urban schools of 700+ at 0.0 … 0.55, and 3 urban
        // schools of 100–299 students, too few for a cluster of their own (minimum 10).
        var rural = Enumerable.Range(0, 12).Select(i => ($"R{i:D2}", SchoolSettlement.Rural, 60, -1.0 + (0.05 * i)));
        var urban = Enumerable.Range(0, 12).Select(i => ($"U{i:D2}", SchoolSettlement.Urban, 800, 0.05 * i));
        var middle = Enumerable.Range(0, 3).Select(i => ($"M{i}", SchoolSettlement.Urban, 150, -0.2 + (0.1 * i)));
        var options = new ClusterOptions { Basis = ClusterBasis.SettlementAndSize, Cut = ClusterCut.BottomShare, BottomShare = 0.1 };

        var year = Run(rural.Concat(urban).Concat(middle), options);

        Assert.Equal(2, year.Clusters.Count);
        var big = year.Schools["U00"].Cluster;
        Assert.Equal("urban, 700 students or more", big.NameEn);
        Assert.Equal("городские, от 700 обучающихся", big.NameRu);
        Assert.Equal("R-0+U-1", year.Schools["M0"].Cluster.Key);
        Assert.Equal(15, year.Schools["M0"].ClusterSize);
        // ⌈0.1 · 12⌉ = 2 and ⌈0.1 · 15⌉ = 2 per cluster: the urban school at 0.0 is flagged among its urban peers
        // although it is better than every rural school.
        Assert.Equal(["R00", "R01", "U00", "U01"], year.Schools.Values.Where(s => s.Flagged).Select(s => s.SchoolCode).Order());
    }

    [Fact]
    public void Social_quantile_clusters_group_schools_by_the_index()
    {
        var profiles = Enumerable.Range(0, 8)
            .Select(i => new SchoolProfile($"S{i}", "M01", SchoolSettlement.Rural, 80,
                new SchoolContextFactors(0.01 * (i + 1), 0.02, 0.01, 0.03, 0.04, false, false, false, false)))
            .ToList();
        var index = SocialWellbeingIndex.Compute(profiles);
        var context = profiles.ToDictionary(p => p.SchoolCode);
        var options = new ClusterOptions { Basis = ClusterBasis.SocialIndexQuantiles, SocialQuantiles = 4 };

        // The more students on the register, the lower the index: S7 and S6 form group 1, S0 and S1 group 4.
        Assert.Equal("Q1", ClusterMethod.Assign(profiles[7], index, context, options).Key);
        Assert.Equal("Q1", ClusterMethod.Assign(profiles[6], index, context, options).Key);
        Assert.Equal("Q2", ClusterMethod.Assign(profiles[5], index, context, options).Key);
        Assert.Equal("Q4", ClusterMethod.Assign(profiles[0], index, context, options).Key);
    }

    private static ClusterYear Run(IEnumerable<(string Code, SchoolSettlement Settlement, int Students, double Integral)> schools, ClusterOptions options)
    {
        var list = schools.ToList();
        var profiles = list.ToDictionary(
            s => s.Code,
            s => new SchoolProfile(s.Code, "M01", s.Settlement, s.Students, new SchoolContextFactors(0.02, 0.02, 0.01, 0.03, 0.04, false, false, false, false)),
            StringComparer.Ordinal);
        IReadOnlyDictionary<string, IntegralResult> integrals = list.ToDictionary(
            s => s.Code, s => new IntegralResult(s.Code, Year, s.Integral, 30, []), StringComparer.Ordinal);
        var social = SocialWellbeingIndex.Compute(profiles.Values.ToList());
        var byYear = new Dictionary<int, IReadOnlyDictionary<string, IntegralResult>> { [Year] = integrals };
        return ClusterMethod.Run(byYear, _ => profiles, _ => social, options)[Year];
    }
}
