namespace EduQuality.Domain.Cycle;

/// <summary>
/// Finds overdue stages: a stage is overdue when fewer completions of it are recorded than due dates of the calendar
/// have passed. A stage is completed each time the cycle leaves it forward (a new monitoring wave completes analysis
/// and a completed analysis counts as a monitoring wave done). A closed instance is never overdue.
/// </summary>
public static class OverdueRule
{
    public static IReadOnlyList<OverdueStage> Find(CycleInstance instance, CycleSchedule schedule, DateOnly today)
    {
        if (instance.Stage == CycleStage.Closed)
        {
            return [];
        }

        var overdue = new List<OverdueStage>();
        foreach (var stage in Enum.GetValues<CycleStage>().Where(s => s is > CycleStage.NotStarted and < CycleStage.Closed))
        {
            var passed = schedule.DueDates(stage, instance.Key.Period).Where(d => d < today).ToList();
            var completed = instance.History.Count(t => t.From == stage && t.Kind != TransitionKind.Correction);
            if (completed < passed.Count)
            {
                overdue.Add(new OverdueStage(instance.Key, stage, passed[completed], passed.Count, completed));
            }
        }

        return overdue;
    }
}
