using EduQuality.Domain.Reference;

namespace EduQuality.Domain.Assessment;

/// <summary>
/// The mark scales shipped as reference data (Reference/mark-scales.json), looked up by the year in force.
/// </summary>
public static class MarkScaleTable
{
    private static readonly Dictionary<(ProcedureKind Procedure, string Subject, int Grade), MarkScale[]> ByWork = Load();

    /// <summary>Every scale, ordered by procedure, subject, grade and first year.</summary>
    public static IReadOnlyList<MarkScale> All { get; } = ByWork.Values
        .SelectMany(scales => scales)
        .OrderBy(s => s.Procedure)
        .ThenBy(s => s.Subject, StringComparer.Ordinal)
        .ThenBy(s => s.Grade)
        .ThenBy(s => s.FromYear)
        .ToArray();

    /// <summary>
    /// The scale in force in the academic year for the work, that is the one with the latest first year not after
    /// <paramref name="year"/>; null when the table has none.
    /// </summary>
    public static MarkScale? Find(ProcedureKind procedure, string subject, int grade, int year)
    {
        if (!ByWork.TryGetValue((procedure, subject, grade), out var scales))
        {
            return null;
        }

        MarkScale? inForce = null;
        foreach (var scale in scales)
        {
            if (scale.FromYear <= year)
            {
                inForce = scale;
            }
        }

        return inForce;
    }

    private static Dictionary<(ProcedureKind, string, int), MarkScale[]> Load()
    {
        var entries = EmbeddedReference.Read<List<Entry>>("mark-scales.json");
        var scales = entries.Select(ToScale).ToList();
        foreach (var scale in scales)
        {
            Validate(scale);
        }

        var duplicate = scales
            .GroupBy(s => (s.Procedure, s.Subject, s.Grade, s.FromYear))
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"mark-scales.json: two scales for {duplicate.First().Describe()}.");
        }

        return scales
            .GroupBy(s => (s.Procedure, s.Subject, s.Grade))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.FromYear).ToArray());
    }

    private static MarkScale ToScale(Entry entry)
    {
        if (!Enum.TryParse<ProcedureKind>(entry.Procedure, ignoreCase: true, out var procedure))
        {
            throw new InvalidOperationException($"mark-scales.json: unknown procedure '{entry.Procedure}'.");
        }

        return new MarkScale(
            procedure,
            entry.Subject,
            entry.Grade,
            entry.FromYear,
            entry.MaxPrimaryScore,
            entry.MinScoreFor3,
            entry.MinScoreFor4,
            entry.MinScoreFor5,
            entry.Note);
    }

    private static void Validate(MarkScale scale)
    {
        if (!SubjectCatalog.IsKnown(scale.Subject))
        {
            throw new InvalidOperationException($"mark-scales.json: {scale.Describe()}: unknown subject '{scale.Subject}'.");
        }

        if (!ProcedureRules.Grades(scale.Procedure).Contains(scale.Grade))
        {
            throw new InvalidOperationException($"mark-scales.json: {scale.Describe()}: grade {scale.Grade} is not written in this procedure.");
        }

        var ordered = 0 < scale.MinScoreFor3
            && scale.MinScoreFor3 < scale.MinScoreFor4
            && scale.MinScoreFor4 < scale.MinScoreFor5
            && scale.MinScoreFor5 <= scale.MaxPrimaryScore;
        if (!ordered)
        {
            throw new InvalidOperationException(
                $"mark-scales.json: {scale.Describe()}: cut points {scale.MinScoreFor3}/{scale.MinScoreFor4}/{scale.MinScoreFor5} "
                + $"must rise strictly within 1..{scale.MaxPrimaryScore}.");
        }
    }

    private sealed record Entry(
        string Procedure,
        string Subject,
        int Grade,
        int FromYear,
        int MaxPrimaryScore,
        int MinScoreFor3,
        int MinScoreFor4,
        int MinScoreFor5,
        string? Note);
}
