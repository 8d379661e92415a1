using EduQuality.Domain.Cycle;
using static EduQuality.Domain.Tests.Cycle.CycleBuilder;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class ScheduleTests
{
    /// <summary>Source 004 (Norilsk): site checks in October, February and June; learning-dynamics monitoring in November, December, March and May.</summary>
    private static readonly CycleSchedule Norilsk = new("R24",
    [
        new(CycleStage.Monitoring, "мониторинг сайтов", [10, 2, 6], 15),
        new(CycleStage.Monitoring, "динамика обучения", [11, 12, 3, 5], 20),
        new(CycleStage.Analysis, "аналитическая справка", [12, 3, 6], 31),
    ]);

    [Fact]
    public void Norilsk_monitoring_due_dates_of_the_2025_period_run_from_October_2024_to_June_2025()
    {
        Assert.Equal(
            [
                new DateOnly(2024, 10, 15), new DateOnly(2024, 11, 20), new DateOnly(2024, 12, 20), new DateOnly(2025, 2, 15),
                new DateOnly(2025, 3, 20), new DateOnly(2025, 5, 20), new DateOnly(2025, 6, 15),
            ],
            Norilsk.DueDates(CycleStage.Monitoring, 2025));
        Assert.Equal([new DateOnly(2024, 12, 31), new DateOnly(2025, 3, 31), new DateOnly(2025, 6, 30)], Norilsk.DueDates(CycleStage.Analysis, 2025));
    }

    [Fact]
    public void A_stage_is_overdue_when_fewer_completions_than_passed_due_dates()
    {
        // On 1 January 2025 three monitoring dates (15 Oct, 20 Nov, 20 Dec) and one analysis date (31 Dec) have
        // passed. The cycle completed monitoring once (wave 1 → analysis) and analysis never.
        var instance = At_(CycleStage.Analysis, Key(period: 2025));

        var overdue = OverdueRule.Find(instance, Norilsk, new DateOnly(2025, 1, 1));

        Assert.Equal(
            [
                new OverdueStage(instance.Key, CycleStage.Monitoring, new DateOnly(2024, 11, 20), 3, 1),
                new OverdueStage(instance.Key, CycleStage.Analysis, new DateOnly(2024, 12, 31), 1, 0),
            ],
            overdue);
    }

    [Fact]
    public void Annual_calendar_flags_goals_after_30_September_and_nothing_once_left()
    {
        var started = At_(CycleStage.Goals, Key(period: 2025));

        Assert.Empty(OverdueRule.Find(started, CycleSchedule.Annual("R1"), new DateOnly(2024, 9, 30)));
        Assert.Equal(new DateOnly(2024, 9, 30), Assert.Single(OverdueRule.Find(started, CycleSchedule.Annual("R1"), new DateOnly(2024, 10, 1))).MissedDueDate);

        var moved = At_(CycleStage.Indicators, Key(period: 2025));
        Assert.Empty(OverdueRule.Find(moved, CycleSchedule.Annual("R1"), new DateOnly(2024, 10, 1)));
    }

    [Fact]
    public void Calendar_with_a_bad_month_is_refused()
    {
        var schedule = new CycleSchedule("R1", [new(CycleStage.Monitoring, "m", [13], 1)]);

        Assert.Equal("entry 'm': months must be 1..12", schedule.Problem());
    }
}
