namespace EduQuality.Domain.Cycle;

/// <summary>
/// One cadence of a region's calendar: a stage (with a label such as «мониторинг сайтов») due in the given months of
/// each academic year, by the given day (clamped to the month's length).
/// </summary>
public sealed record ScheduleEntry(CycleStage Stage, string Label, IReadOnlyList<int> Months, int Day);
