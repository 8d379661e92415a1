using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// Where each school stands among the region's schools in one year (процентильный ранг школы), per procedure and subject
/// family: each work ranks the schools with enough participants by mean mark (by mean score where there are no marks),
/// and a school's family percentile is the participant-weighted mean of its percentiles over the family's works.
/// </summary>
public sealed class PercentileRanks
{
    private readonly Dictionary<(string School, ProcedureKind Procedure, string Family), FamilyRank> _ranks;

    private PercentileRanks(Dictionary<(string, ProcedureKind, string), FamilyRank> ranks)
    {
        _ranks = ranks;
    }

    /// <summary>The school's rank in a procedure and subject family, or null when none of its works was ranked.</summary>
    public FamilyRank? Find(string school, ProcedureKind procedure, string family) => _ranks.GetValueOrDefault((school, procedure, family));

    /// <summary>Ranks the schools of one year from their whole-school summaries.</summary>
    public static PercentileRanks Build(IEnumerable<(string School, SummarySet Whole)> schools, ObjectivityOptions options)
    {
        var byWork = new Dictionary<SliceKey, List<(string School, double Value, long Participants)>>();
        foreach (var (school, whole) in schools)
        {
            foreach (var entry in whole.Entries.Where(e => e.Summary.Participants >= options.MinimumParticipants))
            {
                var summary = entry.Summary;
                var value = summary.MarkedParticipants > 0 ? summary.MeanMark : summary.MeanScore;
                if (!byWork.TryGetValue(entry.Slice, out var list))
                {
                    list = [];
                    byWork[entry.Slice] = list;
                }

                list.Add((school, value, summary.Participants));
            }
        }

        var sums = new Dictionary<(string, ProcedureKind, string), Accumulator>();
        foreach (var (work, list) in byWork.Where(w => w.Value.Count >= options.MinimumRankedSchools))
        {
            var values = list.Select(x => x.Value).Order().ToArray();
            foreach (var (school, value, participants) in list)
            {
                var key = (school, work.Procedure, options.FamilyOf(work.Subject));
                if (!sums.TryGetValue(key, out var sum))
                {
                    sum = new Accumulator();
                    sums[key] = sum;
                }

                sum.Add(Percentile(values, value), participants, work.Grade);
            }
        }

        return new PercentileRanks(sums.ToDictionary(s => s.Key, s => s.Value.ToRank()));
    }

    /// <summary>Mid-rank percentile: 100 × (values below + half the values equal) ÷ all values.</summary>
    private static double Percentile(double[] sorted, double value)
    {
        var below = LowerBound(sorted, value);
        var equal = LowerBound(sorted, Math.BitIncrement(value)) - below;
        return 100.0 * (below + (0.5 * equal)) / sorted.Length;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var low = 0;
        var high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}

/// <summary>Participant-weighted sum of one school's percentiles over a family's works.</summary>
file sealed class Accumulator
{
    private readonly SortedSet<int> _grades = [];
    private double _weighted;
    private long _participants;

    public void Add(double percentile, long participants, int grade)
    {
        _weighted += participants * percentile;
        _participants += participants;
        _grades.Add(grade);
    }

    public FamilyRank ToRank() => new(_weighted / _participants, _participants, [.. _grades]);
}

/// <summary>A school's percentile (0..100) in a procedure and subject family, the participants and grades behind it.</summary>
public sealed record FamilyRank(double Percentile, long Participants, IReadOnlyList<int> Grades);
