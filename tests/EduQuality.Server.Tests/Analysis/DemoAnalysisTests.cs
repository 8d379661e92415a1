using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace EduQuality.Server.Tests.Analysis;

/// <summary>
/// The demo region loaded through the public API (results, then contexts), and the lists the server then serves scored
/// against the planted schools (GroundTruth). The region and the floors are those of the domain tests
/// (tests/EduQuality.Analysis.Tests: ObjectivityDemoRegionTests, DemoLowResultsTests): 10 municipalities, 200
/// organisations, half-size classes, seed 20251, 2023–2025; precision and recall at least 0.7.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DemoAnalysisTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const double PrecisionFloor = 0.7;
    private const double RecallFloor = 0.7;

    [Fact]
    public async Task Served_lists_find_the_planted_schools_of_the_demo_region()
    {
        var demo = DemoRegion.Generate(new DemoOptions { Seed = 20251, Municipalities = 10, Schools = 200, Scale = 0.5 });
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("demo-analysis"));
        var analysis = new AnalysisService.AnalysisServiceClient(server.Channel);
        var load = await DemoData.LoadAsync(server, demo);
        await DemoData.SettleAsync(server, demo);
        output.WriteLine($"loaded {load.RowsSent} rows in {load.Elapsed.TotalSeconds:0.0} s");

        var flagged = new HashSet<(string School, int Year)>();
        foreach (var year in demo.Options.Years)
        {
            var objectivity = await analysis.GetObjectivityAsync(new AnalysisRequest { OrganizationCode = DemoRegion.RegionCode, Year = year });
            flagged.UnionWith(objectivity.Flagged.SchoolCodes.Select(code => (code, year)));
            Assert.Equal(objectivity.Flagged.SchoolCodes.Order(), objectivity.Municipalities.SelectMany(m => m.SchoolCodes).Order());
        }

        var planted = demo.GroundTruth.Anomalies
            .Where(a => a.Kind == PlantedAnomalyKind.InflatedVpr)
            .SelectMany(a => a.Years.Select(year => (a.SchoolCode, year)))
            .ToHashSet();
        var objectivityScore = Score(flagged, planted);
        output.WriteLine($"objectivity, school-years: {objectivityScore}");

        var lastYear = demo.Options.Years.Max();
        var lowResults = await analysis.GetLowResultsAsync(new AnalysisRequest { OrganizationCode = DemoRegion.RegionCode, Year = lastYear });
        var shnorScore = Score(lowResults.Shnor.Select(s => s.SchoolCode).ToHashSet(), demo.GroundTruth.LowResultSchools.ToHashSet());
        output.WriteLine($"ШНОР {lastYear}: {shnorScore}; ШНСУ {lowResults.Shnsu.Count} schools; provisional {lowResults.Provisional}");
        output.WriteLine("e.g. " + lowResults.Shnor.FirstOrDefault()?.Reasons[0].TextRu);

        var recommendations = (await analysis.ListRecommendationsAsync(new AnalysisRequest { OrganizationCode = DemoRegion.RegionCode, Year = lastYear })).Recommendations;
        var lastFlagged = (await analysis.GetObjectivityAsync(new AnalysisRequest { OrganizationCode = DemoRegion.RegionCode, Year = lastYear })).Flagged.SchoolCodes;
        output.WriteLine($"recommendations {lastYear}: {recommendations.Count}; e.g. {recommendations.FirstOrDefault(r => r.Rule == "R2-TASKS")?.TextRu}");

        Assert.Equal(recommendations.Count, recommendations.Select(r => r.Id).Distinct().Count());
        Assert.All(recommendations, r => Assert.NotEmpty(r.Trace));
        Assert.Equal(lastFlagged.Order(), recommendations.Where(r => r.Rule == "A1-SCHOOL").Select(r => r.OrganizationCode).Order());
        Assert.Equal(lowResults.Shnor.Select(s => s.SchoolCode).Order(), recommendations.Where(r => r.Rule == "R2-SCHOOL").Select(r => r.OrganizationCode).Order());
        var tasks = recommendations.Where(r => r.Rule == "R2-TASKS").ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, r => Assert.True(r.Addressee == "Teachers" && r.Subject.Length > 0 && r.Grade > 0 && r.Trace.Count(t => t.Name.StartsWith("task_", StringComparison.Ordinal)) == 3));
        Assert.All(tasks, r => Assert.True(r.Trace[0].Value < r.Trace[0].Reference, "the named work is below the region"));
        Assert.Single(recommendations, r => r.Addressee == "Region");

        // Counts pool: the region's ВсОШ regional winners are the sum of its municipalities'; shares are pooled counts.
        var regionValues = (await analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = DemoRegion.RegionCode, Year = lastYear })).Indicators;
        var municipalityWinners = 0.0;
        var evaluation = System.Diagnostics.Stopwatch.StartNew();
        foreach (var municipality in demo.Municipalities)
        {
            var values = (await analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = municipality.Code, Year = lastYear })).Indicators;
            municipalityWinners += values.Single(v => v.Code == "R3-OL2").Value;
            var diagnosed = values.Single(v => v.Code == "NOR-T3");
            Assert.Equal("Computed", diagnosed.Status);
            Assert.Equal(100 * diagnosed.Numerator / diagnosed.Denominator, diagnosed.Value, 9);
        }

        output.WriteLine($"indicator values of {demo.Municipalities.Count} municipalities: {evaluation.ElapsedMilliseconds / demo.Municipalities.Count} ms each");
        evaluation.Restart();
        foreach (var school in demo.Schools.Take(20))
        {
            await analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = school.Code, Year = lastYear });
        }

        output.WriteLine($"indicator values of 20 schools: {evaluation.ElapsedMilliseconds / 20} ms each");

        // Student counts of the contexts: ШНСУ-1 of a municipality is its schools' registered students (share × students,
        // rounded) over their students; R3-OL1's denominator at the region is every general school's students.
        var general = demo.Contexts.Where(c => c.Kind == SchoolKind.General).ToList();
        var firstMunicipality = general.Where(c => c.MunicipalityCode == demo.Municipalities[0].Code).ToList();
        var registered = (await analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = demo.Municipalities[0].Code, Year = lastYear }))
            .Indicators.Single(v => v.Code == "ШНСУ-1");
        Assert.Equal(firstMunicipality.Sum(c => Math.Round(c.Factors.ShareOnPreventiveRegister * c.Students, MidpointRounding.AwayFromZero)), registered.Numerator);
        Assert.Equal(firstMunicipality.Sum(c => c.Students), registered.Denominator);
        var olympiad = regionValues.Single(v => v.Code == "R3-OL1");
        Assert.Equal(("Computed", (double)general.Sum(c => c.Students)), (olympiad.Status, olympiad.Denominator));
        output.WriteLine($"ШНСУ-1 {demo.Municipalities[0].Code} {lastYear}: {registered.Value:0.00} %; R3-OL1 region {olympiad.Value:0.00} %");

        var winners = regionValues.Single(v => v.Code == "R3-OL2");
        output.WriteLine($"R3-OL2 (regional ВсОШ winners and prize-winners) {lastYear}: {winners.Value}; ШНОР-S {regionValues.Single(v => v.Code == "ШНОР-S").Value:0.0} %");
        Assert.Equal(municipalityWinners, winners.Value);
        Assert.Equal(100.0 * lowResults.Shnor.Count / demo.Schools.Count, regionValues.Single(v => v.Code == "ШНОР-S").Value, 9);

        var programme = (await analysis.GetProgrammeIndicatorsAsync(new AnalysisRequest { OrganizationCode = DemoRegion.RegionCode, Year = lastYear })).Indicators;
        var shnorShare = programme.Single(v => v.Code == "ШНОР-S");
        output.WriteLine($"programme indicators {lastYear}: {programme.Count}, computed {programme.Count(v => v.Status == "Computed")}");
        Assert.Equal(("Computed", "REGION", (long)lowResults.Shnor.Count), (shnorShare.Status, shnorShare.Scope, shnorShare.Numerator));
        Assert.Contains(programme, v => v.Code.StartsWith("NOR-", StringComparison.Ordinal) && v.Status == "Computed" && v.Target.Length > 0 && v.HasTargetMet);

        Assert.False(lowResults.Provisional);
        Assert.All(lowResults.Shnor, s => Assert.Equal(["REGRESSION", "CLUSTER"], s.Reasons.Select(r => r.Method)));
        Assert.All(lowResults.Shnor, s => Assert.Contains(lowResults.Histories, h => h.SchoolCode == s.SchoolCode));
        Assert.True(objectivityScore.Precision >= PrecisionFloor, $"objectivity precision {objectivityScore}");
        Assert.True(objectivityScore.Recall >= RecallFloor, $"objectivity recall {objectivityScore}");
        Assert.True(shnorScore.Precision >= PrecisionFloor, $"ШНОР precision {shnorScore}");
        Assert.True(shnorScore.Recall >= RecallFloor, $"ШНОР recall {shnorScore}");
    }

    private static Measure Score<T>(IReadOnlySet<T> listed, IReadOnlySet<T> planted) => new(listed.Count, planted.Count, listed.Count(planted.Contains));

    private sealed record Measure(int Listed, int Planted, int Found)
    {
        public double Precision => Listed == 0 ? 0 : (double)Found / Listed;

        public double Recall => Planted == 0 ? 0 : (double)Found / Planted;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture, $"precision {Precision:0.00} ({Found}/{Listed}), recall {Recall:0.00} ({Found}/{Planted})");
    }
}
