using System.Globalization;
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

/// <summary>A class's place in a ranking.</summary>
public sealed record RankedClass(int Rank, string SchoolCode, int Grade, string ClassLabel, double Value, long Participants);

/// <summary>
/// The negative-consequence guard (DOMAIN.md §5, issue part 7): league tables of schools or classes by mean ВПР mark, share of
/// «4» and «5» or успеваемость push schools to inflate results, so they are never served as management indicators; only
/// an explicit request for an analytical view gets one, marked as such.
/// </summary>
public static class SchoolRanking
{
    public const string RefusalRu =
        "Рейтинги школ и классов по среднему баллу ВПР, доле «4» и «5» или успеваемости не используются как показатели управления: " +
        "они ведут к необъективности результатов и натаскиванию на проверочные работы. " +
        "Такой рейтинг доступен только как аналитическое представление (analytical_view = true).";

    public const string NoticeRu =
        "Аналитическое представление, не показатель управления: рейтинг нельзя использовать для оценки школ, " +
        "их руководителей и учителей, распределения стимулирующих выплат или финансирования.";

    /// <summary>Schools ranked best first by the measure over their ВПР results (of one subject and grade when given).</summary>
    public static IReadOnlyList<RankedSchool> Rank(
        IEnumerable<(string School, SummarySet Summaries)> schools, RankingMeasure measure, string? subject = null, int? grade = null) =>
        Order(
            schools.Select(s => (s.School, Marks(s.Summaries.Entries.Where(e => e.Slice.ClassLabel.Length == 0 && Selected(e.Slice, subject, grade))))),
            measure,
            school => school)
        .Select(r => new RankedSchool(r.Rank, r.Key, r.Value, r.Participants))
        .ToList();

    /// <summary>
    /// Classes (school, grade, class label) ranked best first by the measure over their ВПР results of every subject (of
    /// one subject and grade when given); the same guard applies as to schools.
    /// </summary>
    public static IReadOnlyList<RankedClass> RankClasses(
        IEnumerable<(string School, SummarySet Summaries)> schools, RankingMeasure measure, string? subject = null, int? grade = null) =>
        Order(
            schools.SelectMany(s => s.Summaries.Entries
                .Where(e => e.Slice.ClassLabel.Length > 0 && Selected(e.Slice, subject, grade))
                .GroupBy(e => (s.School, e.Slice.Grade, e.Slice.ClassLabel))
                .Select(g => (g.Key, Marks(g)))),
            measure,
            c => string.Create(CultureInfo.InvariantCulture, $"{c.School}\u0000{c.Grade:D2}\u0000{c.ClassLabel}"))
        .Select(r => new RankedClass(r.Rank, r.Key.School, r.Key.Grade, r.Key.ClassLabel, r.Value, r.Participants))
        .ToList();

    private static bool Selected(SliceKey slice, string? subject, int? grade) =>
        slice.Procedure == ProcedureKind.Vpr && (string.IsNullOrEmpty(subject) || slice.Subject == subject) && (grade is null or 0 || slice.Grade == grade);

    /// <summary>Counts of marks «2»…«5» over the entries.</summary>
    private static long[] Marks(IEnumerable<SliceEntry> entries)
    {
        var marks = new long[4];
        foreach (var entry in entries)
        {
            for (var i = 0; i < 4; i++)
            {
                marks[i] += entry.Summary.MarkCounts[i];
            }
        }

        return marks;
    }

    /// <summary>The units with marks, best first, ties in the order of <paramref name="tieOrder"/>.</summary>
    private static IEnumerable<(int Rank, TKey Key, double Value, long Participants)> Order<TKey>(
        IEnumerable<(TKey Key, long[] Marks)> units, RankingMeasure measure, Func<TKey, string> tieOrder) =>
        units.Where(u => u.Marks.Sum() > 0)
            .Select(u => (u.Key, Value: Value(u.Marks, measure), Participants: u.Marks.Sum()))
            .OrderByDescending(v => v.Value).ThenBy(v => tieOrder(v.Key), StringComparer.Ordinal)
            .Select((v, i) => (i + 1, v.Key, v.Value, v.Participants));

    private static double Value(long[] marks, RankingMeasure measure)
    {
        var marked = marks.Sum();
        return measure switch
        {
            RankingMeasure.MeanVprMark => ((2.0 * marks[0]) + (3.0 * marks[1]) + (4.0 * marks[2]) + (5.0 * marks[3])) / marked,
            RankingMeasure.ShareOf4And5 => 100.0 * (marks[2] + marks[3]) / marked,
            _ => 100.0 * (marked - marks[0]) / marked,
        };
    }
}
