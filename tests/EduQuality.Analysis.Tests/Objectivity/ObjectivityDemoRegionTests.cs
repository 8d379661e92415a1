using System.Diagnostics;
using System.Globalization;
using EduQuality.Demo;
using EduQuality.Domain.Analysis.Objectivity;
using Xunit.Abstractions;

namespace EduQuality.Analysis.Tests.Objectivity;

/// <summary>
/// The default analysis against the demo region's planted inflation (GroundTruth.InflatedSchools with the years of each
/// anomaly). A scaled-down region: 10 municipalities, 200 organisations, half-size classes, 2023–2025. The floors are
/// stated here and hold for both seeds; docs/analysis-objectivity.md records the measured figures.
/// </summary>
public sealed class ObjectivityDemoRegionTests(ITestOutputHelper output)
{
    /// <summary>Of the school-years listed, at least this share must be planted ones.</summary>
    private const double PrecisionFloor = 0.7;

    /// <summary>Of the planted school-years, at least this share must be listed.</summary>
    private const double RecallFloor = 0.7;

    [Theory]
    [InlineData(20251)]
    [InlineData(7)]
    public void Default_analysis_finds_the_planted_inflated_schools(int seed)
    {
        var watch = Stopwatch.StartNew();
        var region = DemoRegion.Generate(new DemoOptions { Seed = seed, Municipalities = 10, Schools = 200, Scale = 0.5 });
        var input = DemoSummaries.Build(region);
        var report = new ObjectivityAnalyzer().Analyze(input);

        var planted = region.GroundTruth.Anomalies
            .Where(a => a.Kind == PlantedAnomalyKind.InflatedVpr)
            .SelectMany(a => a.Years.Select(year => (a.SchoolCode, Year: year)))
            .ToHashSet();
        var listed = report.Risks.Where(r => r.Flagged).Select(r => (r.SchoolCode, r.Year)).ToHashSet();
        var schoolYears = Measure.Of(listed, planted);
        var schools = Measure.Of(
            listed.Select(l => l.SchoolCode).ToHashSet(StringComparer.Ordinal),
            region.GroundTruth.InflatedSchools.ToHashSet(StringComparer.Ordinal));

        output.WriteLine($"seed {seed}: {report.Risks.Count} school-years analysed in {watch.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"school-years: {schoolYears}");
        output.WriteLine($"schools:      {schools}");
        foreach (var risk in report.Risks.Where(r => r.Flagged || planted.Contains((r.SchoolCode, r.Year))))
        {
            var truth = planted.Contains((risk.SchoolCode, risk.Year)) ? "planted" : "honest ";
            var verdict = risk.Flagged ? "listed    " : "not listed";
            var top = risk.Signs.FirstOrDefault()?.Sign.ExplanationEn ?? "no signs";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {truth} {verdict} {risk.SchoolCode} {risk.Year} score {risk.Score:0.00}: {top}"));
        }

        Assert.NotEmpty(planted);
        Assert.True(schoolYears.Precision >= PrecisionFloor, $"School-year precision {schoolYears} is below {PrecisionFloor}.");
        Assert.True(schoolYears.Recall >= RecallFloor, $"School-year recall {schoolYears} is below {RecallFloor}.");
        Assert.True(schools.Precision >= PrecisionFloor, $"School precision {schools} is below {PrecisionFloor}.");
        Assert.True(schools.Recall >= RecallFloor, $"School recall {schools} is below {RecallFloor}.");
    }

    /// <summary>Precision and recall of a listed set against a planted one.</summary>
    private sealed record Measure(int Listed, int Planted, int Found)
    {
        public double Precision => Listed == 0 ? 0 : (double)Found / Listed;

        public double Recall => Planted == 0 ? 0 : (double)Found / Planted;

        public static Measure Of<T>(IReadOnlySet<T> listed, IReadOnlySet<T> planted) =>
            new(listed.Count, planted.Count, listed.Count(planted.Contains));

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"precision {Precision:0.00} ({Found}/{Listed}), recall {Recall:0.00} ({Found}/{Planted})");
    }
}
