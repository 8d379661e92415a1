using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Cycle;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class EffectivenessAnalysisTests
{
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.LoadShipped();

    private sealed class Values(Dictionary<(string, int, IndicatorMetric), double> values) : IIndicatorValues
    {
        public Task<double?> ValueAsync(string organizationCode, int year, TargetIndicator target, CancellationToken cancellationToken) =>
            Task.FromResult(values.TryGetValue((organizationCode, year, target.Metric), out var v) ? v : (double?)null);
    }

    private static Task<EffectivenessReport> AnalyzeAsync(IEnumerable<ManagementDecision> decisions, Values values, EffectThresholds? thresholds = null) =>
        EffectivenessAnalysis.AnalyzeAsync("R1", 2026, decisions, values, Catalog, thresholds ?? EffectThresholds.Default, CancellationToken.None);

    private static TargetIndicator Target(IndicatorMetric metric, ProcedureKind procedure, double baseline, double target) =>
        new(metric, procedure, "MATH", 5, baseline, target);

    private static ManagementDecision Decision(long id, string org, int period, params TargetIndicator[] targets) =>
        new(id, new CycleKey(org, "R1", period), DecisionType.TeacherTraining, "Курсы", new DateOnly(2025, 6, 1), [], targets);

    [Fact]
    public async Task Previous_period_decisions_are_judged_by_the_change_to_the_reported_period()
    {
        var values = new Values(new()
        {
            // S11: share of «2» 0.20 → 0.12 (down 8 points: an effect); mean score 14.0 → 14.3 (below 0.5: none).
            [("S11", 2025, IndicatorMetric.ShareMark2)] = 0.20,
            [("S11", 2026, IndicatorMetric.ShareMark2)] = 0.12,
            [("S11", 2025, IndicatorMetric.MeanScore)] = 14.0,
            [("S11", 2026, IndicatorMetric.MeanScore)] = 14.3,
            // S12: below-minimum share 0.10 → 0.105: worse, no effect.
            [("S12", 2025, IndicatorMetric.ShareBelowMinimum)] = 0.10,
            [("S12", 2026, IndicatorMetric.ShareBelowMinimum)] = 0.105,
        });
        var decisions = new[]
        {
            Decision(1, "S11", 2025, Target(IndicatorMetric.ShareMark2, ProcedureKind.Vpr, 0.20, 0.15), Target(IndicatorMetric.MeanScore, ProcedureKind.Oge, 14, 15)),
            Decision(2, "S12", 2025, Target(IndicatorMetric.ShareBelowMinimum, ProcedureKind.Oge, 0.10, 0.05)),
            Decision(3, "S12", 2026, Target(IndicatorMetric.ShareBelowMinimum, ProcedureKind.Oge, 0.10, 0.05)),
        };

        var report = await AnalyzeAsync(decisions, values);

        Assert.Equal([1L, 2L], report.Decisions.Select(d => d.Decision.Id));
        var first = report.Decisions[0];
        Assert.True(first.Measurable);
        Assert.Equal(-0.08, first.Targets[0].Change!.Value, 10);
        Assert.True(first.Targets[0].Reached);
        Assert.False(first.Targets[1].Improved);
        Assert.Equal([2L], report.WithoutEffect.Select(d => d.Decision.Id));
        Assert.Equal(["Oge", "Vpr"], report.ByMonitoring.Keys);
        Assert.Equal(2, report.ByMonitoring["Oge"].Count);
    }

    [Fact]
    public async Task Without_previous_data_the_baseline_is_compared_and_without_current_data_there_is_no_effect()
    {
        var values = new Values(new() { [("S11", 2026, IndicatorMetric.MeanScore)] = 16.0 });
        var decisions = new[]
        {
            Decision(1, "S11", 2025, Target(IndicatorMetric.MeanScore, ProcedureKind.Vpr, 15.0, 15.5)),
            Decision(2, "S12", 2025, Target(IndicatorMetric.MeanScore, ProcedureKind.Vpr, 15.0, 15.5)),
        };

        var report = await AnalyzeAsync(decisions, values);

        Assert.Equal(15.0, report.Decisions[0].Targets[0].Previous);
        Assert.Equal(1.0, report.Decisions[0].Targets[0].Change);
        Assert.True(report.Decisions[0].Measurable);
        Assert.Null(report.Decisions[1].Targets[0].Current);
        Assert.Equal([2L], report.WithoutEffect.Select(d => d.Decision.Id));
    }

    [Fact]
    public async Task A_region_with_stricter_thresholds_sees_no_effect_where_the_default_sees_one()
    {
        // Share of «2» 0.20 → 0.12: 8 points. Default (1 point): an effect; a region asking for 10 points: none.
        var values = new Values(new() { [("S11", 2025, IndicatorMetric.ShareMark2)] = 0.20, [("S11", 2026, IndicatorMetric.ShareMark2)] = 0.12 });
        var decisions = new[] { Decision(1, "S11", 2025, Target(IndicatorMetric.ShareMark2, ProcedureKind.Vpr, 0.20, 0.15)) };

        var byDefault = await AnalyzeAsync(decisions, values);
        var strict = await AnalyzeAsync(decisions, values, new EffectThresholds(0.10, 2, 5));

        Assert.Empty(byDefault.WithoutEffect);
        Assert.Equal([1L], strict.WithoutEffect.Select(d => d.Decision.Id));
        Assert.Equal(0.10, strict.Decisions[0].Targets[0].Scale.MinimumChange);
        Assert.Equal(new EffectThresholds(0.10, 2, 5), strict.Thresholds);
    }

    [Fact]
    public void A_catalogue_target_is_judged_in_its_unit_and_direction_of_improvement()
    {
        // ШНОР-3 (share of «2» in ВПР, percent, lower is better): one percentage point is 1.0 in its unit.
        // ШНОР-1 (share of ЕГЭ high scorers, percent, higher is better). R1-S1 (mean ГИА score): 0.5 points.
        var shnor3 = TargetScale.Of(new TargetIndicator(IndicatorMetric.CatalogueIndicator, 0, "", 0, 50, 30, "ШНОР-3"), Catalog, EffectThresholds.Default);
        var shnor1 = TargetScale.Of(new TargetIndicator(IndicatorMetric.CatalogueIndicator, 0, "", 0, 5, 10, "ШНОР-1"), Catalog, EffectThresholds.Default);
        var r1s1 = TargetScale.Of(new TargetIndicator(IndicatorMetric.CatalogueIndicator, 0, "", 0, 50, 55, "R1-S1"), Catalog, new EffectThresholds(0.02, 1.5, 1));

        Assert.Equal((false, 1.0, "Vpr"), (shnor3.HigherIsBetter, shnor3.MinimumChange, shnor3.Monitoring));
        Assert.Equal((true, 1.0, "Ege"), (shnor1.HigherIsBetter, shnor1.MinimumChange, shnor1.Monitoring));
        Assert.Equal((true, 1.5, "Oge+Ege"), (r1s1.HigherIsBetter, r1s1.MinimumChange, r1s1.Monitoring));
        var outcome = new TargetOutcome(1, "S11", new TargetIndicator(IndicatorMetric.CatalogueIndicator, 0, "", 0, 50, 30, "ШНОР-3"), shnor3, 50, 49.5);
        Assert.False(outcome.Improved);
        Assert.True((outcome with { Current = 49 }).Improved);
    }
}
