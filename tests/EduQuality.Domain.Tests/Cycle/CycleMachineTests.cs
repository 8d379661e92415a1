using EduQuality.Domain.Cycle;
using static EduQuality.Domain.Tests.Cycle.CycleBuilder;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class CycleMachineTests
{
    public static TheoryData<CycleStage, CycleStage, TransitionKind> Allowed => new()
    {
        { CycleStage.NotStarted, CycleStage.Goals, TransitionKind.Forward },
        { CycleStage.Goals, CycleStage.Indicators, TransitionKind.Forward },
        { CycleStage.Indicators, CycleStage.Monitoring, TransitionKind.Forward },
        { CycleStage.Monitoring, CycleStage.Analysis, TransitionKind.Forward },
        { CycleStage.Analysis, CycleStage.Measures, TransitionKind.Forward },
        { CycleStage.Measures, CycleStage.Effectiveness, TransitionKind.Forward },
        { CycleStage.Analysis, CycleStage.Monitoring, TransitionKind.NewWave },
        { CycleStage.Effectiveness, CycleStage.Indicators, TransitionKind.Correction },
        { CycleStage.Effectiveness, CycleStage.Goals, TransitionKind.NextPeriod },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_transition_with_complete_stage_is_made(CycleStage from, CycleStage to, TransitionKind kind)
    {
        var instance = At_(from);
        Complete(instance, from);

        var (transition, refusal) = instance.Transition(to, At, "tester");

        Assert.Null(refusal);
        Assert.Equal(kind, transition!.Kind);
        Assert.Equal(kind == TransitionKind.NextPeriod ? CycleStage.Closed : to, instance.Stage);
        Assert.Equal(transition, instance.History[^1]);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_allowed_transition_retried_without_expected_from_is_recognised_as_a_repeat(CycleStage from, CycleStage to, TransitionKind kind)
    {
        var instance = At_(from);
        Complete(instance, from);
        Assert.False(instance.Repeats(to, null));

        instance.Transition(to, At, "tester");

        Assert.True(instance.Repeats(to, null));
        Assert.True(instance.Repeats(to, from));
        Assert.False(instance.Repeats(to, from == CycleStage.NotStarted ? CycleStage.Goals : CycleStage.NotStarted));
        Assert.Equal(kind == TransitionKind.NextPeriod ? CycleStage.Closed : to, instance.Stage);
    }

    [Fact]
    public void A_stage_left_and_asked_for_again_is_not_a_repeat()
    {
        // Monitoring → analysis → monitoring (new wave): "monitoring" again after analysis is a real change, not a retry
        // of the first entry into monitoring, because the cycle is no longer there.
        var instance = At_(CycleStage.Analysis);

        Assert.False(instance.Repeats(CycleStage.Monitoring, null));
        Assert.True(instance.Repeats(CycleStage.Analysis, null));
    }

    [Fact]
    public void Every_pair_outside_the_table_is_refused_with_a_reason_naming_both_stages()
    {
        var allowed = Allowed.Select(row => ((CycleStage)row[0], (CycleStage)row[1])).ToHashSet();
        var refused = 0;
        foreach (var from in Enum.GetValues<CycleStage>().Where(s => s != CycleStage.Closed))
        {
            foreach (var to in Enum.GetValues<CycleStage>().Where(to => !allowed.Contains((from, to))))
            {
                var instance = At_(from);
                Complete(instance, from);
                var (transition, refusal) = instance.Transition(to, At, "tester");
                Assert.Null(transition);
                Assert.Equal(RefusalCode.ForbiddenTransition, refusal!.Code);
                Assert.Contains($"«{CycleStageNames.Russian(from)}»", refusal.Message, StringComparison.Ordinal);
                Assert.Contains($"«{CycleStageNames.Russian(to)}»", refusal.Message, StringComparison.Ordinal);
                Assert.Equal(from, instance.Stage);
                refused++;
            }
        }

        // 7 open states × 8 targets = 56 pairs, 9 of them allowed.
        Assert.Equal(56 - 9, refused);
    }

    [Theory]
    [InlineData(CycleStage.Goals, CycleStage.Indicators, "положение (концепция, модель) по направлению или комплекс мер")]
    [InlineData(CycleStage.Indicators, CycleStage.Monitoring, "утверждённый перечень показателей; план-график оценочных процедур")]
    [InlineData(CycleStage.Monitoring, CycleStage.Analysis, "приказ о проведении мониторинга")]
    [InlineData(CycleStage.Analysis, CycleStage.Measures, "аналитические материалы по результатам анализа (за текущую волну); адресные рекомендации")]
    [InlineData(CycleStage.Measures, CycleStage.Effectiveness, "приказ (решение) по результатам анализа")]
    [InlineData(CycleStage.Effectiveness, CycleStage.Goals, "отчёт об эффективности принятых мер")]
    [InlineData(CycleStage.Effectiveness, CycleStage.Indicators, "отчёт об эффективности принятых мер")]
    [InlineData(CycleStage.Analysis, CycleStage.Monitoring, "аналитические материалы по результатам анализа (за текущую волну)")]
    public void Leaving_a_stage_without_its_evidence_is_refused_listing_what_is_missing(CycleStage from, CycleStage to, string missing)
    {
        var instance = At_(from);

        var (transition, refusal) = instance.Transition(to, At, "tester");

        Assert.Null(transition);
        Assert.Equal(RefusalCode.StageIncomplete, refusal!.Code);
        Assert.Contains(missing, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(from, instance.Stage);
    }

    [Fact]
    public void Second_wave_needs_a_new_analytical_report_but_not_new_recommendations()
    {
        var instance = At_(CycleStage.Analysis);
        Complete(instance, CycleStage.Analysis);
        Assert.Null(instance.Transition(CycleStage.Monitoring, At, "t").Refusal);
        Assert.Equal(2, instance.Wave);
        Assert.Null(instance.Transition(CycleStage.Analysis, At, "t").Refusal);

        var refused = instance.Transition(CycleStage.Measures, At, "t").Refusal;
        Assert.Equal(RefusalCode.StageIncomplete, refused!.Code);
        Assert.EndsWith("нет документов: аналитические материалы по результатам анализа (за текущую волну).", refused.Message, StringComparison.Ordinal);

        instance.AddEvidence(Evidence(CycleStage.Analysis, EvidenceType.AnalyticalReport));
        Assert.Null(instance.Transition(CycleStage.Measures, At, "t").Refusal);
        Assert.Equal([1, 2], instance.Evidence.Where(e => e.Type == EvidenceType.AnalyticalReport).Select(e => e.Wave));
    }

    [Fact]
    public void Correction_returns_to_indicators_and_the_next_monitoring_is_a_new_wave()
    {
        var instance = At_(CycleStage.Effectiveness);
        Complete(instance, CycleStage.Effectiveness);
        Assert.Null(instance.Transition(CycleStage.Indicators, At, "t").Refusal);
        Assert.Equal(CycleStage.Effectiveness, instance.Reached);

        // Indicators evidence from before the correction still completes the stage.
        Assert.Null(instance.Transition(CycleStage.Monitoring, At, "t").Refusal);
        Assert.Equal(2, instance.Wave);
    }

    [Fact]
    public void Loop_closes_the_period_and_opens_the_next_at_goals()
    {
        var instance = At_(CycleStage.Effectiveness);
        Complete(instance, CycleStage.Effectiveness);
        Assert.Null(instance.Transition(CycleStage.Goals, At, "t").Refusal);

        var next = instance.OpenNextPeriod(At, "t");

        Assert.Equal(CycleStage.Closed, instance.Stage);
        Assert.Equal(new CycleKey("M1", "R1", 2026), next.Key);
        Assert.Equal(CycleStage.Goals, next.Stage);
        Assert.Empty(next.Evidence);
        var closed = instance.Transition(CycleStage.Indicators, At, "t").Refusal;
        Assert.Equal(RefusalCode.CycleClosed, closed!.Code);
        Assert.Equal(RefusalCode.CycleClosed, instance.AddEvidence(Evidence(CycleStage.Goals, EvidenceType.ActionPlan)).Refusal!.Code);
    }

    [Fact]
    public void Evidence_for_a_stage_not_reached_is_refused()
    {
        var instance = At_(CycleStage.Goals);

        var (recorded, refusal) = instance.AddEvidence(Evidence(CycleStage.Monitoring, EvidenceType.MonitoringOrder));

        Assert.Null(recorded);
        Assert.Equal(RefusalCode.StageNotReached, refusal!.Code);
        Assert.Contains("«мониторинг»", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_document_recorded_again_in_the_same_wave_is_kept_once()
    {
        var instance = At_(CycleStage.Goals);
        var plan = Evidence(CycleStage.Goals, EvidenceType.ActionPlan);

        var first = instance.AddEvidence(plan).Evidence;
        var again = instance.AddEvidence(plan with { Title = "Повтор" }).Evidence;

        Assert.Equal(first, again);
        Assert.Single(instance.Evidence, e => e.Type == EvidenceType.ActionPlan);
    }

    [Fact]
    public void Goals_are_complete_with_either_a_concept_document_or_an_action_plan()
    {
        var concept = At_(CycleStage.Goals);
        concept.AddEvidence(Evidence(CycleStage.Goals, EvidenceType.ConceptDocument));
        var plan = At_(CycleStage.Goals);
        plan.AddEvidence(Evidence(CycleStage.Goals, EvidenceType.ActionPlan));
        var other = At_(CycleStage.Goals);
        other.AddEvidence(Evidence(CycleStage.Goals, EvidenceType.MonitoringOrder));

        Assert.True(concept.IsComplete(CycleStage.Goals));
        Assert.True(plan.IsComplete(CycleStage.Goals));
        Assert.False(other.IsComplete(CycleStage.Goals));
    }

    [Fact]
    public void Cycle_is_complete_when_all_six_stages_are_evidenced()
    {
        var instance = At_(CycleStage.Effectiveness);
        Assert.False(instance.IsCycleComplete);

        Complete(instance, CycleStage.Effectiveness);

        Assert.True(instance.IsCycleComplete);
    }
}
