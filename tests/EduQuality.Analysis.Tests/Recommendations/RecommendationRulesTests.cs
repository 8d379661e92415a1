using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Analysis.Recommendations;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Summaries;

namespace EduQuality.Analysis.Tests.Recommendations;

/// <summary>
/// Recommendations from hand-made findings. School S1 (municipality M1) is on the ШНОР list; it wrote ВПР mathematics
/// grade 5 (10 participants, tasks 1–4 each out of 1 point: 9, 2, 5, 3 solved = 90, 20, 50, 30 %; 47.5 % overall) and
/// Russian grade 5 (10 participants, 8 of 10 on both tasks = 80 %). The region solved mathematics 90, 60, 70, 80 %
/// (75 %) and Russian 70 %. Mathematics is the work furthest below the region; tasks 2, 4, 3 are its weakest.
/// </summary>
public sealed class RecommendationRulesTests
{
    private static readonly SliceKey Math5 = new(ProcedureKind.Vpr, "MA", 5, "");
    private static readonly SliceKey Russian5 = new(ProcedureKind.Vpr, "RU", 5, "");

    [Fact]
    public void Teachers_of_a_shnor_school_get_the_weakest_work_and_its_tasks_with_the_numbers_behind_them()
    {
        var recommendations = Generate(risks: []);

        var teachers = Assert.Single(recommendations, r => r.Addressee == Addressee.Teachers);
        Assert.Equal("R2-TASKS:2025:S1:MA:5", teachers.Id);
        Assert.Equal(("S1", OrganizationLevel.School, "MA", 5), (teachers.OrganizationCode, teachers.Level, teachers.Subject, teachers.Grade));
        Assert.Equal(0.475, teachers.Trace[0].Value, 9);
        Assert.Equal(0.75, teachers.Trace[0].Reference!.Value, 9);
        Assert.Equal(["task_2_success", "task_4_success", "task_3_success"], teachers.Trace.Skip(2).Select(t => t.Name));
        Assert.Equal([0.2, 0.3, 0.5], teachers.Trace.Skip(2).Select(t => Math.Round(t.Value, 9)));
        Assert.Equal([0.6, 0.8, 0.7], teachers.Trace.Skip(2).Select(t => Math.Round(t.Reference!.Value, 9)));
        Assert.Contains("«Математика», 5 класс", teachers.TextRu, StringComparison.Ordinal);
        Assert.Contains("№ 2: 20 % (регион 60 %)", teachers.TextRu, StringComparison.Ordinal);
    }

    [Fact]
    public void Listed_schools_give_recommendations_to_the_head_the_municipality_and_the_region()
    {
        var recommendations = Generate(risks: []);

        Assert.Equal(
            ["R2-SCHOOL:2025:S1", "R2-TASKS:2025:S1:MA:5", "R2-MUNICIPALITY:2025:M1", "R2-REGION:2025:R"],
            recommendations.Select(r => r.Id));
        var region = recommendations[^1];
        Assert.Equal(Addressee.Region, region.Addressee);
        Assert.Equal([1.0, 1.0, 2.0], region.Trace.Select(t => t.Value));
    }

    [Fact]
    public void A_school_with_signs_of_biased_results_and_its_municipality_are_addressed()
    {
        var sign = new ObjectivitySign(ObjectivitySignKind.JournalRaised, "S2", 2025, WorkScope.Of(ProcedureKind.Vpr, "RU", 5), 40, 0.4, 0.1, 0.2,
            MeasureUnit.Share, 0.001, 0.9, false, null, "доля повысивших 40 %", "40 % raised");
        var risk = new SchoolYearRisk("S2", "M2", 2025, 0.8, true, [new SignContribution(sign, 0.8)]);

        var recommendations = Generate(risks: [risk]).Where(r => r.Direction == "A1").ToList();

        Assert.Equal(["A1-SCHOOL:2025:S2", "A1-MUNICIPALITY:2025:M2"], recommendations.Select(r => r.Id));
        Assert.Equal(("RU", 5), (recommendations[0].Subject, recommendations[0].Grade));
        Assert.Contains("доля повысивших 40 %", recommendations[0].TextRu, StringComparison.Ordinal);
        Assert.Equal((0.4, 0.1), (recommendations[0].Trace[1].Value, recommendations[0].Trace[1].Reference!.Value));
    }

    [Fact]
    public void The_same_findings_give_the_same_recommendations()
    {
        Assert.Equal(Generate([]).Select(r => (r.Id, r.TextRu)), Generate([]).Select(r => (r.Id, r.TextRu)));
    }

    private static IReadOnlyList<Recommendation> Generate(IReadOnlyList<SchoolYearRisk> risks)
    {
        var school = new SummarySet();
        Solve(school, Math5, 10, [9, 2, 5, 3]);
        Solve(school, Russian5, 10, [8, 8]);
        var region = new SummarySet();
        Solve(region, Math5, 100, [90, 60, 70, 80]);
        Solve(region, Russian5, 100, [70, 70]);
        var reason = new ListReason("REGRESSION", "остаток ниже порога", "residual below the cut", [new ReasonFigure("residual", 2025, -0.8)]);
        var lists = new YearLists(2025, false, [new ListedSchool("S1", "M1", [reason])], [new ListedSchool("S3", "M1", [reason])]);
        return RecommendationRules.Generate("R", 2025, risks, lists, new Dictionary<string, SummarySet> { ["S1"] = school }, region);
    }

    /// <summary>Task t (1 point) is solved by the first solved[t] participants.</summary>
    private static void Solve(SummarySet set, SliceKey slice, int participants, int[] solved)
    {
        for (var p = 0; p < participants; p++)
        {
            var points = solved.Select(s => p < s ? 1 : 0).ToArray();
            set.Apply(slice, new ResultFacts
            {
                Score = points.Sum(),
                Mark = 3,
                HighScorer = false,
                TaskPoints = points,
                TaskMaxPoints = solved.Select(_ => 1).ToArray(),
            }, 1);
        }
    }
}
