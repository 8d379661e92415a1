using EduQuality.Domain.Summaries;

namespace EduQuality.Grains.Results;

/// <summary>
/// The persisted state of a school's year: class-level summaries and the revision of the raw rows they reflect.
/// Whole-school slices are derived from the classes, not stored.
/// </summary>
public sealed class SchoolYearState
{
    public long Revision { get; set; }

    public SummarySet Classes { get; set; } = new();
}
