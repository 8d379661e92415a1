using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>One work (работа) in one year: the unit within which school means are standardised.</summary>
public readonly record struct WorkKey(int Year, ProcedureKind Procedure, string Subject, int Grade);

/// <summary>How a school's mean in a work is put on a common scale.</summary>
public enum IntegralStandardisation
{
    /// <summary>(school mean − regional mean of all students) / SD of all students: an effect size in student SDs.</summary>
    Students,

    /// <summary>(school mean − mean of school means) / SD of school means: a z-score among schools.</summary>
    SchoolMeans,
}

/// <summary>The regional reference of a work: the mean and SD the school means are standardised against.</summary>
public sealed record WorkNorm(WorkKey Work, double Mean, double StandardDeviation, long Participants, int Schools);

/// <summary>A school's result in one work and year, raw and standardised.</summary>
/// <param name="Work">The work.</param>
/// <param name="Participants">Participants of the school.</param>
/// <param name="MeanScore">Mean score on the work's scale (primary score; ЕГЭ test score).</param>
/// <param name="PercentOfMaximum">Mean score as a percentage of the maximum, when the maximum is known.</param>
/// <param name="Z">The standardised mean (see <see cref="IntegralStandardisation"/>); 0 when the work does not vary.</param>
/// <param name="LowResults">Results with mark «2» or below the minimum threshold (ШНОР-2, ШНОР-3 numerators).</param>
public sealed record WorkScore(WorkKey Work, long Participants, double MeanScore, double? PercentOfMaximum, double Z, long LowResults);

/// <summary>
/// Every school's standardised result per work and year, built once from the summaries and shared by the integral
/// index, the dynamics and the Norilsk indicators.
/// </summary>
public sealed class WorkScoreTable
{
    private readonly Dictionary<(string School, int Year), IReadOnlyList<WorkScore>> _scores;
    private readonly Dictionary<WorkKey, WorkNorm> _norms;

    private WorkScoreTable(
        Dictionary<(string, int), IReadOnlyList<WorkScore>> scores, Dictionary<WorkKey, WorkNorm> norms, IntegralStandardisation standardisation)
    {
        _scores = scores;
        _norms = norms;
        Standardisation = standardisation;
        Years = scores.Keys.Select(k => k.Item2).Distinct().Order().ToList();
        Schools = scores.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public IntegralStandardisation Standardisation { get; }

    /// <summary>Years with results, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Schools with results in any year, by code.</summary>
    public IReadOnlyList<string> Schools { get; }

    public IReadOnlyCollection<WorkNorm> Norms => _norms.Values;

    public WorkNorm? Norm(WorkKey work) => _norms.GetValueOrDefault(work);

    /// <summary>The school's works in the year (empty when it has none).</summary>
    public IReadOnlyList<WorkScore> For(string schoolCode, int year) => _scores.GetValueOrDefault((schoolCode, year)) ?? [];

    /// <summary>
    /// Builds the table. Several entries for one school and year are merged; class slices are merged into whole-school
    /// slices; <paramref name="maximum"/> gives a work's maximum score for the percentage (default: 100 on the ЕГЭ test
    /// scale, the mark-scale maximum otherwise).
    /// </summary>
    public static WorkScoreTable Build(
        IEnumerable<SchoolYearResults> results,
        IntegralStandardisation standardisation = IntegralStandardisation.Students,
        Func<WorkKey, int?>? maximum = null)
    {
        maximum ??= DefaultMaximum;
        var merged = new Dictionary<(string, int), SummarySet>();
        foreach (var entry in results)
        {
            if (!merged.TryGetValue((entry.SchoolCode, entry.Year), out var set))
            {
                set = new SummarySet();
                merged[(entry.SchoolCode, entry.Year)] = set;
            }

            set.Merge(entry.Summaries.WholeOrganization(), 1);
        }

        var raw = new Dictionary<(string, int), List<(WorkKey Work, ResultSummary Summary)>>();
        var byWork = new Dictionary<WorkKey, List<ResultSummary>>();
        foreach (var ((school, year), set) in merged)
        {
            var list = new List<(WorkKey, ResultSummary)>();
            foreach (var entry in set.Entries)
            {
                var work = new WorkKey(year, entry.Slice.Procedure, entry.Slice.Subject, entry.Slice.Grade);
                list.Add((work, entry.Summary));
                if (!byWork.TryGetValue(work, out var summaries))
                {
                    summaries = [];
                    byWork[work] = summaries;
                }

                summaries.Add(entry.Summary);
            }

            raw[(school, year)] = list;
        }

        var norms = byWork.ToDictionary(w => w.Key, w => NormOf(w.Key, w.Value, standardisation));
        var scores = raw.ToDictionary(
            r => r.Key,
            r => (IReadOnlyList<WorkScore>)r.Value.Select(p => ScoreOf(p.Work, p.Summary, norms[p.Work], maximum(p.Work))).ToList());
        return new WorkScoreTable(scores, norms, standardisation);
    }

    /// <summary>100 on the ЕГЭ test scale, otherwise the maximum primary score of the mark scale in force; null if unknown.</summary>
    public static int? DefaultMaximum(WorkKey work) =>
        ScoreScales.For(work.Procedure, work.Subject) == ScoreScale.Test
            ? 100
            : MarkScaleTable.Find(work.Procedure, work.Subject, work.Grade, work.Year)?.MaxPrimaryScore;

    private static WorkNorm NormOf(WorkKey work, List<ResultSummary> summaries, IntegralStandardisation standardisation)
    {
        var participants = summaries.Sum(s => s.Participants);
        if (standardisation == IntegralStandardisation.SchoolMeans)
        {
            var means = summaries.Select(s => s.MeanScore).ToArray();
            return new WorkNorm(work, LowResultsMath.Mean(means), LowResultsMath.StandardDeviation(means), participants, summaries.Count);
        }

        var sum = summaries.Sum(s => (double)s.ScoreSum);
        var squares = summaries.Sum(s => (double)s.ScoreSumOfSquares);
        var mean = participants == 0 ? 0 : sum / participants;
        var variance = participants == 0 ? 0 : Math.Max(0, (squares / participants) - (mean * mean));
        return new WorkNorm(work, mean, Math.Sqrt(variance), participants, summaries.Count);
    }

    private static WorkScore ScoreOf(WorkKey work, ResultSummary summary, WorkNorm norm, int? maximum)
    {
        var mean = summary.MeanScore;
        var z = norm.StandardDeviation > 0 ? (mean - norm.Mean) / norm.StandardDeviation : 0;
        double? percent = maximum is > 0 ? 100 * mean / maximum.Value : null;
        var low = summary.MinimumKnown > 0 ? summary.BelowMinimum : summary.MarkCounts[0];
        return new WorkScore(work, summary.Participants, mean, percent, z, low);
    }
}
