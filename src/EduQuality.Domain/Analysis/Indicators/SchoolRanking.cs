using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Indicators;

/// <summary>What a school ranking orders by: the three ratings the sources forbid as management indicators.</summary>
public enum RankingMeasure
{
    MeanVprMark = 1,
    ShareOf4And5 = 2,
    PassRate = 3,
}

/// <summary>A school's place in a ranking.</summary>
public sealed record RankedSchool(int Rank, string SchoolCode, double Value, long Participants);

/// <summary>
/// The negative-consequence guard (DOMAIN.md §5, issue part 7): league tables of schools by mean ВПР mark, share of
/// «4» and «5» or успеваемость push schools to inflate results, so they are never served as management indicators; only
/// an explicit request for an analytical view gets one, marked as such.
/// </summary>
public static class SchoolRanking
{
    public const string RefusalRu =
        "Рейтинги школ по среднему баллу ВПР, доле «4» и «5» или успеваемости не используются как показатели управления: " +
        "они ведут к необъективности результатов и натаскиванию на проверочные работы. " +
        "Такой рейтинг доступен только как аналитическое представление (analytical_view = true).";

    public const string NoticeRu =
        "Аналитическое представление, не показатель управления: рейтинг нельзя использовать для оценки школ, " +
        "их руководителей и учителей, распределения стимулирующих выплат или финансирования.";

    /// <summary>Schools ranked best first by the measure over their ВПР results (of one subject and grade when given).</summary>
    public static IReadOnlyList<RankedSchool> Rank(
        IEnumerable<(string School, SummarySet Summaries)> schools, RankingMeasure measure, string? subject = null, int? grade = null)
    {
        var values = new List<(string School, double Value, long Participants)>();
        foreach (var (school, set) in schools)
        {
            var marks = new long[4];
            foreach (var entry in set.Entries.Where(e => e.Slice.Procedure == ProcedureKind.Vpr && e.Slice.ClassLabel.Length == 0
                         && (string.IsNullOrEmpty(subject) || e.Slice.Subject == subject) && (grade is null or 0 || e.Slice.Grade == grade)))
            {
                for (var i = 0; i < 4; i++)
                {
                    marks[i] += entry.Summary.MarkCounts[i];
                }
            }

            var marked = marks.Sum();
            if (marked == 0)
            {
                continue;
            }

            values.Add((school, measure switch
            {
                RankingMeasure.MeanVprMark => ((2.0 * marks[0]) + (3.0 * marks[1]) + (4.0 * marks[2]) + (5.0 * marks[3])) / marked,
                RankingMeasure.ShareOf4And5 => 100.0 * (marks[2] + marks[3]) / marked,
                _ => 100.0 * (marked - marks[0]) / marked,
            }, marked));
        }

        return values.OrderByDescending(v => v.Value).ThenBy(v => v.School, StringComparer.Ordinal)
            .Select((v, i) => new RankedSchool(i + 1, v.School, v.Value, v.Participants))
            .ToList();
    }
}
