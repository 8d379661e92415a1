using EduQuality.Domain.Summaries;

namespace EduQuality.Grains.Analysis;

/// <summary>Turns a school's served summaries (whole-school slices beside class slices) back into its summaries by class.</summary>
public static class ServedSummaries
{
    /// <summary>
    /// The class slices as they are, and under an empty class label only the rows that have no class: each whole-school
    /// slice less its classes. Every row is then counted once, as the analysis expects.
    /// </summary>
    public static SummarySet ByClass(SummarySet served)
    {
        var classes = served.Entries.Where(e => e.Slice.ClassLabel.Length > 0).ToList();
        var withoutClass = new SummarySet(served.Entries.Where(e => e.Slice.ClassLabel.Length == 0).ToList()).Clone();
        withoutClass.Merge(new SummarySet(classes).WholeOrganization(), -1);
        return new SummarySet([.. classes, .. withoutClass.Entries]);
    }
}
