using EduQuality.Domain.Assessment;
using EduQuality.Domain.Cycle;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class EffectivenessAnalysisTests
{
    private sealed class Values(Dictionary<(string, int, IndicatorMetric), double> values) : IIndicatorValues
    {
        public Task<double?> ValueAsync(string organizationCode, int year, TargetIndicator target, CancellationToken cancellationToken) =>
            Task.FromResult(values.TryGetValue((organizationCode, year, target.Metric), out var v) ? v : (double?)null);
    }

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

        var report = await EffectivenessAnalysis.AnalyzeAsync("R1", 2026, decisions, values, CancellationToken.None);

        Assert.Equal([1L, 2L], report.Decisions.Select(d => d.Decision.Id));
        var first = report.Decisions[0];
        Assert.True(first.Measurable);
        Assert.Equal(-0.08, first.Targets[0].Change!.Value, 10);
        Assert.True(first.Targets[0].Reached);
        Assert.False(first.Targets[1].Improved(EffectivenessAnalysis.MinimumScoreChange));
        Assert.Equal([2L], report.WithoutEffect.Select(d => d.Decision.Id));
        Assert.Equal([ProcedureKind.Vpr, ProcedureKind.Oge], report.ByProcedure.Keys);
        Assert.Equal(2, report.ByProcedure[ProcedureKind.Oge].Count);
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

        var report = await EffectivenessAnalysis.AnalyzeAsync("R1", 2026, decisions, values, CancellationToken.None);

        Assert.Equal(15.0, report.Decisions[0].Targets[0].Previous);
        Assert.Equal(1.0, report.Decisions[0].Targets[0].Change);
        Assert.True(report.Decisions[0].Measurable);
        Assert.Null(report.Decisions[1].Targets[0].Current);
        Assert.Equal([2L], report.WithoutEffect.Select(d => d.Decision.Id));
    }
}
