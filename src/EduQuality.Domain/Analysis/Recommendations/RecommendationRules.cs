using System.Globalization;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Recommendations;

/// <summary>
/// Turns a region's findings of one year into address recommendations: to the heads of schools with signs of biased
/// results and to their municipalities (A1); to the heads and the subject teachers of ШНОР schools, naming the ВПР work
/// furthest below the region and its tasks with the lowest success (R2); to municipalities with listed schools and to
/// the region. Pure and deterministic.
/// </summary>
public static class RecommendationRules
{
    /// <summary>Tasks named per work.</summary>
    public const int WeakestTasks = 3;

    /// <summary>A work is judged only with at least this many participants at the school.</summary>
    public const int MinimumParticipants = 5;

    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <param name="regionCode">The region.</param>
    /// <param name="year">The year of the findings.</param>
    /// <param name="risks">Objectivity risks of the year.</param>
    /// <param name="lists">ШНОР/ШНСУ lists of the year, or null without contexts.</param>
    /// <param name="schools">Whole-school summaries of the year by school.</param>
    /// <param name="region">The region's whole-organisation summaries of the year.</param>
    public static IReadOnlyList<Recommendation> Generate(
        string regionCode,
        int year,
        IReadOnlyList<SchoolYearRisk> risks,
        YearLists? lists,
        IReadOnlyDictionary<string, SummarySet> schools,
        SummarySet region)
    {
        var recommendations = new List<Recommendation>();
        var flagged = risks.Where(r => r.Flagged).OrderBy(r => r.SchoolCode, StringComparer.Ordinal).ToList();
        foreach (var risk in flagged)
        {
            var top = risk.Signs.OrderByDescending(s => s.Contribution).First().Sign;
            recommendations.Add(new Recommendation(
                $"A1-SCHOOL:{year}:{risk.SchoolCode}", "A1-SCHOOL", Addressee.SchoolHead, OrganizationLevel.School, risk.SchoolCode, year, "A1",
                top.Scope.Subject, top.Scope.Grades.Count == 1 ? top.Scope.Grades[0] : null,
                $"Обеспечить объективность проведения и проверки оценочных процедур: перепроверить работы ({Work(top.Scope)}), " +
                $"пригласить независимых наблюдателей, сверить отметки ВПР с текущими. Основной признак: {top.ExplanationRu}",
                [new TraceFigure("risk_score", risk.Score), new TraceFigure(top.Kind.ToString(), top.Measured, top.Reference), new TraceFigure("threshold", top.Threshold)]));
        }

        foreach (var municipality in flagged.Where(r => r.MunicipalityCode is not null).GroupBy(r => r.MunicipalityCode!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var codes = municipality.Select(r => r.SchoolCode).ToList();
            recommendations.Add(new Recommendation(
                $"A1-MUNICIPALITY:{year}:{municipality.Key}", "A1-MUNICIPALITY", Addressee.Municipality, OrganizationLevel.Municipality, municipality.Key, year, "A1",
                null, null,
                $"Организовать общественное наблюдение и перепроверку работ в школах с признаками необъективности результатов ({codes.Count}): {string.Join(", ", codes)}.",
                [new TraceFigure("flagged_schools", codes.Count), .. municipality.Select(r => new TraceFigure($"risk_score:{r.SchoolCode}", r.Score))]));
        }

        if (lists is null)
        {
            return recommendations;
        }

        foreach (var school in lists.Shnor.OrderBy(s => s.SchoolCode, StringComparer.Ordinal))
        {
            recommendations.Add(new Recommendation(
                $"R2-SCHOOL:{year}:{school.SchoolCode}", "R2-SCHOOL", Addressee.SchoolHead, OrganizationLevel.School, school.SchoolCode, year, "R2", null, null,
                "Школа включена в перечень школ с низкими образовательными результатами (ШНОР): разработать программу повышения качества " +
                "образования с мерами по выявленным дефицитам и согласовать ее с муниципальным органом управления образованием. " + school.Reasons[0].TextRu,
                school.Reasons.SelectMany(r => r.Figures).Select(f => new TraceFigure(f.Year is { } y ? $"{f.Name}:{y}" : f.Name, f.Value)).ToList()));
            if (schools.TryGetValue(school.SchoolCode, out var set) && WeakestWork(set, region) is { } work)
            {
                recommendations.Add(TeachersRecommendation(year, school.SchoolCode, work));
            }
        }

        foreach (var municipality in lists.Shnor.GroupBy(s => s.MunicipalityCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var codes = municipality.Select(s => s.SchoolCode).ToList();
            recommendations.Add(new Recommendation(
                $"R2-MUNICIPALITY:{year}:{municipality.Key}", "R2-MUNICIPALITY", Addressee.Municipality, OrganizationLevel.Municipality, municipality.Key, year, "R2",
                null, null,
                $"Обеспечить адресную методическую поддержку школ из перечня ШНОР ({codes.Count}): {string.Join(", ", codes)}; закрепить за каждой куратора.",
                [new TraceFigure("shnor_schools", codes.Count)]));
        }

        if (lists.Shnor.Count + lists.Shnsu.Count > 0)
        {
            var target = lists.Codes(ListKind.Target).Count;
            recommendations.Add(new Recommendation(
                $"R2-REGION:{year}:{regionCode}", "R2-REGION", Addressee.Region, OrganizationLevel.Region, regionCode, year, "R2", null, null,
                $"Включить в региональную программу поддержки {target} школ целевой группы: {lists.Shnor.Count} ШНОР и {lists.Shnsu.Count} ШНСУ; " +
                "предусмотреть повышение квалификации учителей по выявленным дефицитам и мониторинг динамики результатов.",
                [new TraceFigure("shnor_schools", lists.Shnor.Count), new TraceFigure("shnsu_schools", lists.Shnsu.Count), new TraceFigure("target_group", target)]));
        }

        return recommendations;
    }

    /// <summary>A ВПР work of the school, its success and the region's, and its tasks with the lowest success.</summary>
    public sealed record WeakWork(SliceKey Slice, double Success, double RegionSuccess, long Participants, IReadOnlyList<(int Task, double Success, double RegionSuccess)> Tasks);

    /// <summary>The school's ВПР work (with enough participants) furthest below the region's success on the same work.</summary>
    public static WeakWork? WeakestWork(SummarySet school, SummarySet region)
    {
        WeakWork? weakest = null;
        foreach (var entry in school.Entries.Where(e => e.Slice.Procedure == ProcedureKind.Vpr && e.Slice.ClassLabel.Length == 0 && e.Summary.Participants >= MinimumParticipants))
        {
            if (region.Find(entry.Slice) is not { } regional || entry.Summary.Tasks.Count == 0)
            {
                continue;
            }

            var success = Success(entry.Summary.Tasks);
            var regionSuccess = Success(regional.Tasks);
            if (weakest is null || success - regionSuccess < weakest.Success - weakest.RegionSuccess)
            {
                var tasks = entry.Summary.Tasks
                    .Select((t, i) => (Task: i + 1, t.Success, RegionSuccess: i < regional.Tasks.Count ? regional.Tasks[i].Success : double.NaN))
                    .Where(t => entry.Summary.Tasks[t.Task - 1].MaxPoints > 0)
                    .OrderBy(t => t.Success).ThenBy(t => t.Task)
                    .Take(WeakestTasks)
                    .ToList();
                weakest = new WeakWork(entry.Slice, success, regionSuccess, entry.Summary.Participants, tasks);
            }
        }

        return weakest is not null && weakest.Success < weakest.RegionSuccess ? weakest : null;
    }

    private static Recommendation TeachersRecommendation(int year, string school, WeakWork work)
    {
        var subject = SubjectCatalog.Find(work.Slice.Subject)?.NameRu ?? work.Slice.Subject;
        var tasks = string.Join("; ", work.Tasks.Select(t => $"№ {t.Task}: {Percent(t.Success)} (регион {Percent(t.RegionSuccess)})"));
        return new Recommendation(
            $"R2-TASKS:{year}:{school}:{work.Slice.Subject}:{work.Slice.Grade}", "R2-TASKS", Addressee.Teachers, OrganizationLevel.School, school, year, "R2",
            work.Slice.Subject, work.Slice.Grade,
            $"Учителям предмета «{subject}», {work.Slice.Grade} класс: выполнение ВПР {Percent(work.Success)} при {Percent(work.RegionSuccess)} по региону. " +
            $"Спланировать повторение и коррекционную работу по заданиям с наименьшим выполнением — {tasks}.",
            [
                new TraceFigure("work_success", work.Success, work.RegionSuccess),
                new TraceFigure("participants", work.Participants),
                .. work.Tasks.Select(t => new TraceFigure($"task_{t.Task}_success", t.Success, t.RegionSuccess)),
            ]);
    }

    private static double Success(IReadOnlyList<TaskTotals> tasks)
    {
        var max = tasks.Sum(t => t.MaxPoints);
        return max == 0 ? 0 : (double)tasks.Sum(t => t.Points) / max;
    }

    private static string Work(WorkScope scope) =>
        $"{scope.Procedure} {SubjectCatalog.Find(scope.Subject)?.NameRu ?? scope.Subject}, {string.Join(", ", scope.Grades)} класс" +
        (scope.ClassLabel is null ? "" : $", класс {scope.ClassLabel}");

    private static string Percent(double share) => (100 * share).ToString("0.#", Ru) + " %";
}
