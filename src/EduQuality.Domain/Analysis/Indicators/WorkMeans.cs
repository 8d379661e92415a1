using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Indicators;

/// <summary>
/// The mean score of one work (procedure, subject, grade) of an organisation, pooled over its subtree, beside its
/// parent's and the regional and federal reference means; null where there is none.
/// </summary>
public sealed record WorkMean(
    ProcedureKind Procedure,
    string Subject,
    int Grade,
    long Participants,
    double MeanScore,
    double? ParentMeanScore,
    double? RegionalMean,
    double? FederalMean)
{
    public double? DifferenceFromParent => MeanScore - ParentMeanScore;

    public double? DifferenceFromRegional => MeanScore - RegionalMean;

    public double? DifferenceFromFederal => MeanScore - FederalMean;
}

/// <summary>
/// Compares the mean scores of an organisation's works with its parent's and with the reference means (issue 4 part 2:
/// "difference from the regional and federal means"): a mean is the pooled score sum over the pooled participants of the
/// whole-organisation slice, never an average of means.
/// </summary>
public static class WorkMeans
{
    /// <param name="own">The organisation's summaries of the year (whole-organisation slices are used).</param>
    /// <param name="parent">The parent's summaries of the year, or null for a region.</param>
    /// <param name="references">The reference means of the year, at most one per work and level.</param>
    public static IReadOnlyList<WorkMean> Compare(SummarySet? own, SummarySet? parent, IReadOnlyList<ReferenceMean> references)
    {
        if (own is null)
        {
            return [];
        }

        double? Reference(SliceKey slice, ReferenceLevel level) => references.FirstOrDefault(r => r.Level == level
            && r.Procedure == slice.Procedure && r.Grade == slice.Grade && string.Equals(r.Subject, slice.Subject, StringComparison.Ordinal))?.MeanScore;
        return own.Entries
            .Where(e => e.Slice.ClassLabel.Length == 0 && e.Summary.Participants > 0)
            .OrderBy(e => e.Slice.Procedure).ThenBy(e => e.Slice.Subject, StringComparer.Ordinal).ThenBy(e => e.Slice.Grade)
            .Select(e => new WorkMean(
                e.Slice.Procedure,
                e.Slice.Subject,
                e.Slice.Grade,
                e.Summary.Participants,
                e.Summary.MeanScore,
                parent?.Find(e.Slice) is { Participants: > 0 } p ? p.MeanScore : null,
                Reference(e.Slice, ReferenceLevel.Regional),
                Reference(e.Slice, ReferenceLevel.Federal)))
            .ToList();
    }
}
