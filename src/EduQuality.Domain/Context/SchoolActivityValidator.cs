using System.Globalization;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Context;

/// <summary>
/// Checks whole batches of teachers, olympiad results and career guidance: a school registered that year, a year in
/// range, counts that are not negative and add up, each natural key once.
/// </summary>
public static class SchoolActivityValidator
{
    /// <summary>The longest pseudonymous teacher code.</summary>
    public const int MaxTeacherCodeLength = 64;

    public static IReadOnlyList<Violation> ValidateTeachers(string batchId, IReadOnlyList<TeacherRecord> rows, Func<string, int, bool> isSchool)
    {
        var violations = BatchRules.Check(batchId, rows.Count);
        var seen = new Dictionary<(string, int, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            School(violations, i, row.SchoolCode, row.Year, isSchool);
            if (string.IsNullOrWhiteSpace(row.TeacherCode) || row.TeacherCode.Length > MaxTeacherCodeLength)
            {
                violations.Add(new Violation(i, $"rows[{i}].teacher_code", row.TeacherCode, $"a pseudonymous teacher code of 1 to {MaxTeacherCodeLength} characters is required"));
            }

            Add(violations, BatchRules.Repeated(seen, (row.SchoolCode, row.Year, row.TeacherCode), i, "teacher_code", row.TeacherCode));
        }

        return violations;
    }

    public static IReadOnlyList<Violation> ValidateOlympiads(string batchId, IReadOnlyList<OlympiadRecord> rows, Func<string, int, bool> isSchool)
    {
        var violations = BatchRules.Check(batchId, rows.Count);
        var seen = new Dictionary<(string, int, OlympiadStage, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            School(violations, i, row.SchoolCode, row.Year, isSchool);
            if (!Enum.IsDefined(row.Stage))
            {
                violations.Add(new Violation(i, $"rows[{i}].stage", Text((int)row.Stage), "stage is required (school, municipal, regional or final)"));
            }

            if (!SubjectCatalog.IsKnown(row.Subject))
            {
                violations.Add(new Violation(i, $"rows[{i}].subject", row.Subject, "unknown subject code"));
            }

            NotNegative(violations, i, ("participants", row.Participants), ("winners", row.Winners), ("prize_winners", row.PrizeWinners));
            if (row.Winners + row.PrizeWinners > row.Participants)
            {
                violations.Add(new Violation(i, $"rows[{i}].prize_winners", Text(row.PrizeWinners),
                    $"winners ({row.Winners}) and prize-winners ({row.PrizeWinners}) exceed the participants ({row.Participants})"));
            }

            Add(violations, BatchRules.Repeated(seen, (row.SchoolCode, row.Year, row.Stage, row.Subject), i, "subject", row.Subject));
        }

        return violations;
    }

    public static IReadOnlyList<Violation> ValidateCareerGuidance(string batchId, IReadOnlyList<CareerGuidanceRecord> rows, Func<string, int, bool> isSchool)
    {
        var violations = BatchRules.Check(batchId, rows.Count);
        var seen = new Dictionary<(string, int), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            School(violations, i, row.SchoolCode, row.Year, isSchool);
            NotNegative(violations, i, ("graduates", row.Graduates), ("target_contract", row.TargetContract), ("continuing_in_poo", row.ContinuingInPoo),
                ("priority_programme", row.PriorityProgramme), ("bilet_v_budushee", row.BiletVBudushee), ("partner_enterprises", row.PartnerEnterprises));
            foreach (var (field, value) in new[] { ("target_contract", row.TargetContract), ("continuing_in_poo", row.ContinuingInPoo), ("priority_programme", row.PriorityProgramme) })
            {
                if (value > row.Graduates)
                {
                    violations.Add(new Violation(i, $"rows[{i}].{field}", Text(value), $"more than the graduates ({row.Graduates})"));
                }
            }

            Add(violations, BatchRules.Repeated(seen, (row.SchoolCode, row.Year), i, "school_code", row.SchoolCode));
        }

        return violations;
    }

    private static void School(List<Violation> violations, int row, string school, int year, Func<string, int, bool> isSchool)
    {
        if (BatchRules.Year(row, year) is { } bad)
        {
            violations.Add(bad);
        }
        else if (!isSchool(school, year))
        {
            violations.Add(new Violation(row, $"rows[{row}].school_code", school, "no school is registered with this code in that year"));
        }
    }

    private static void NotNegative(List<Violation> violations, int row, params (string Field, int Value)[] counts)
    {
        foreach (var (field, value) in counts.Where(c => c.Value < 0))
        {
            violations.Add(new Violation(row, $"rows[{row}].{field}", Text(value), "a count cannot be negative"));
        }
    }

    private static void Add(List<Violation> violations, Violation? violation)
    {
        if (violation is not null)
        {
            violations.Add(violation);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
