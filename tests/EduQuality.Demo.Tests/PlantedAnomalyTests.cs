using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;

namespace EduQuality.Demo.Tests;

public sealed class PlantedAnomalyTests(PlantedRegionFixture region) : IClassFixture<PlantedRegionFixture>
{
    private DemoGroundTruth Truth => region.Demo.GroundTruth;

    [Fact]
    public void About_4_percent_of_general_schools_are_inflated_and_6_percent_low()
    {
        var general = region.Demo.Schools.Where(s => s.Kind == SchoolKind.General).Select(s => s.Code).ToHashSet();

        Assert.Equal(574, general.Count);
        Assert.Equal(23, Truth.InflatedSchools.Count);
        Assert.Equal(34, Truth.LowResultSchools.Count);
        Assert.Empty(Truth.InflatedSchools.Intersect(Truth.LowResultSchools));
        Assert.Subset(general, Truth.InflatedSchools.Concat(Truth.LowResultSchools).ToHashSet());
        Assert.Equal(57, Truth.Anomalies.Count);
        Assert.All(Truth.Anomalies, a => Assert.False(string.IsNullOrWhiteSpace(a.Reason)));
    }

    [Fact]
    public void Inflated_works_beat_the_journal_far_more_often_than_honest_ones()
    {
        var inflated = region.Rows.Where(region.IsInflated).ToList();
        var honest = region.Rows.Where(r => r.Procedure == Procedure.Vpr && !region.IsPlanted(r.School)).ToList();

        var inflatedRaised = inflated.Average(r => r.Raised ? 1.0 : 0.0);
        var honestRaised = honest.Average(r => r.Raised ? 1.0 : 0.0);

        Assert.InRange(honestRaised, 0.03, 0.10);
        Assert.True(inflatedRaised >= 3 * honestRaised, $"повысили {inflatedRaised:P1} in inflated works, {honestRaised:P1} elsewhere");
    }

    [Fact]
    public void Inflated_scores_peak_just_above_the_3_and_4_cut_points()
    {
        var inflated = BoundaryRatio(region.Rows.Where(region.IsInflated));
        var honest = BoundaryRatio(region.Rows.Where(r => r.Procedure == Procedure.Vpr && !region.IsPlanted(r.School)));

        Assert.InRange(honest, 0.8, 1.6);
        Assert.True(inflated >= 4, $"scores at cut and cut+1 over cut-2 and cut-1: {inflated:F1} inflated, {honest:F2} honest");
    }

    [Fact]
    public void Inflated_schools_jump_in_vpr_while_their_oge_stays_put()
    {
        var vprJumps = new List<double>();
        var ogeChanges = new List<double>();
        foreach (var anomaly in Truth.Anomalies.Where(a => a.Kind == PlantedAnomalyKind.InflatedVpr))
        {
            var year = anomaly.Years[0];
            var slices = anomaly.Slices.Where(s => s.Year == year).Select(s => (s.Grade, s.Subject)).ToHashSet();
            double Mean(int y, Procedure procedure) => region.Rows
                .Where(r => r.School == anomaly.SchoolCode && r.Year == y && r.Procedure == procedure)
                .Where(r => procedure != Procedure.Vpr || slices.Contains((r.Grade, r.Subject)))
                .Average(r => r.Share);
            vprJumps.Add(Mean(year, Procedure.Vpr) - Mean(year - 1, Procedure.Vpr));
            ogeChanges.Add(Mean(year, Procedure.Oge) - Mean(year - 1, Procedure.Oge));
        }

        Assert.True(vprJumps.Average() >= 0.07, $"mean ВПР jump {vprJumps.Average():P1}");
        Assert.True(vprJumps.Average() - ogeChanges.Average() >= 0.05, $"ВПР {vprJumps.Average():P1} vs ОГЭ {ogeChanges.Average():P1}");
    }

    [Fact]
    public void Low_result_schools_are_rural_disadvantaged_and_far_below_the_rest_in_at_least_two_years()
    {
        var years = region.Demo.Options.Years;
        var others = years.ToDictionary(y => y, y => region.Rows
            .Where(r => r.Year == y && r.Procedure == Procedure.Vpr && !region.IsPlanted(r.School))
            .Average(r => r.Share));

        foreach (var school in Truth.LowResultSchools)
        {
            var context = region.Contexts[school];
            Assert.Equal(Settlement.Rural, context.Settlement);
            Assert.True(context.SocialAdvantage < -1.0, $"{school}: social advantage {context.SocialAdvantage}");
            var lowYears = years.Count(y => region.Rows
                .Where(r => r.School == school && r.Year == y && r.Procedure == Procedure.Vpr)
                .Average(r => r.Share) <= others[y] - 0.10);
            Assert.True(lowYears >= 2, $"{school} is 10 points below the rest in only {lowYears} years");
        }

        Assert.True(
            Truth.Anomalies.Where(a => a.Kind == PlantedAnomalyKind.PersistentlyLowResults).All(a => a.Years.Count >= 2),
            "each low-result school is planted low in at least two years");
    }

    [Fact]
    public void Low_result_schools_are_low_in_oge_and_ege_as_well()
    {
        foreach (var procedure in new[] { Procedure.Oge, Procedure.Ege })
        {
            var low = region.Rows.Where(r => r.Procedure == procedure && Truth.LowResultSchools.Contains(r.School)).Average(r => r.Share);
            var rest = region.Rows.Where(r => r.Procedure == procedure && !region.IsPlanted(r.School)).Average(r => r.Share);

            Assert.True(low <= rest - 0.12, $"{procedure}: {low:P1} at low-result schools, {rest:P1} elsewhere");
        }
    }

    [Fact]
    public void School_results_rise_with_social_advantage()
    {
        var means = region.Rows
            .Where(r => r.Procedure == Procedure.Vpr && !region.IsPlanted(r.School))
            .GroupBy(r => r.School)
            .Select(g => (Advantage: region.Contexts[g.Key].SocialAdvantage, Mean: g.Average(r => r.Share)))
            .ToList();

        var correlation = Correlation(means.Select(m => m.Advantage).ToList(), means.Select(m => m.Mean).ToList());

        Assert.InRange(correlation, 0.4, 0.9);
    }

    private static double BoundaryRatio(IEnumerable<CompactRow> rows)
    {
        double atOrAbove = 0;
        double justBelow = 0;
        foreach (var row in rows)
        {
            var scale = MarkScaleTable.Find(ProcedureKind.Vpr, row.Subject, row.Grade, row.Year)!;
            foreach (var cut in new[] { scale.MinScoreFor3, scale.MinScoreFor4 })
            {
                atOrAbove += row.Primary == cut || row.Primary == cut + 1 ? 1 : 0;
                justBelow += row.Primary == cut - 1 || row.Primary == cut - 2 ? 1 : 0;
            }
        }

        return atOrAbove / justBelow;
    }

    private static double Correlation(List<double> x, List<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
