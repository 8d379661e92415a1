namespace EduQuality.Domain.Hierarchy;

/// <summary>
/// An academic year (учебный год) named by the calendar year in which it ends: 2025 = 2024/25. Its aggregates
/// follow the hierarchy in force on its first day, 1 September.
/// </summary>
public static class AcademicYear
{
    public static DateOnly FirstDay(int year) => new(year - 1, 9, 1);

    /// <summary>The academic year a date belongs to.</summary>
    public static int Of(DateOnly date) => date.Month >= 9 ? date.Year + 1 : date.Year;
}
