namespace EduQuality.Domain.Cycle;

/// <summary>
/// A region's cycle calendar (DOMAIN.md §7.3): cadences per stage giving due dates in each academic year (September
/// of year P−1 to August of P). Regions without one use <see cref="Annual"/>.
/// </summary>
public sealed record CycleSchedule(string Region, IReadOnlyList<ScheduleEntry> Entries)
{
    /// <summary>The default annual cycle ("ежегодно"): one stage a month from goals in September to effectiveness in August.</summary>
    public static CycleSchedule Annual(string region) => new(region,
    [
        new(CycleStage.Goals, "цели", [9], 30),
        new(CycleStage.Indicators, "показатели", [10], 31),
        new(CycleStage.Monitoring, "мониторинг", [5], 31),
        new(CycleStage.Analysis, "анализ", [6], 30),
        new(CycleStage.Measures, "меры", [7], 31),
        new(CycleStage.Effectiveness, "эффективность", [8], 31),
    ]);

    /// <summary>The due dates of <paramref name="stage"/> in <paramref name="period"/>, ascending.</summary>
    public IReadOnlyList<DateOnly> DueDates(CycleStage stage, int period) =>
        Entries.Where(e => e.Stage == stage)
            .SelectMany(e => e.Months.Select(month =>
            {
                var year = month >= 9 ? period - 1 : period;
                return new DateOnly(year, month, Math.Min(e.Day, DateTime.DaysInMonth(year, month)));
            }))
            .Distinct()
            .Order()
            .ToList();

    /// <summary>Why a calendar cannot be used, or null: stages one of the six, months 1..12, days 1..31.</summary>
    public string? Problem()
    {
        foreach (var entry in Entries)
        {
            if (entry.Stage is CycleStage.NotStarted or CycleStage.Closed || !Enum.IsDefined(entry.Stage))
            {
                return $"entry '{entry.Label}': stage {entry.Stage} is not one of the six stages";
            }

            if (entry.Months.Count == 0 || entry.Months.Any(m => m is < 1 or > 12))
            {
                return $"entry '{entry.Label}': months must be 1..12";
            }

            if (entry.Day is < 1 or > 31)
            {
                return $"entry '{entry.Label}': day {entry.Day} must be 1..31";
            }
        }

        return null;
    }
}
