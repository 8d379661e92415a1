using System.Globalization;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Assessment;

/// <summary>
/// Validates a whole result batch before anything of it is applied, collecting every problem with its row,
/// field and value.
/// </summary>
public static class ResultBatchValidator
{
    public const int MaxRows = 50_000;
    public const int MaxBatchIdLength = 100;
    public const int MaxTasks = 100;
    public const int MaxPrimaryScore = 1000;
    public const int MaxClassLabelLength = 10;

    /// <summary>The first and last academic years accepted.</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>
    /// Returns every violation in the batch. <paramref name="isSchool"/> tells whether a code names a registered
    /// organisation of level school.
    /// </summary>
    public static IReadOnlyList<Violation> Validate(
        string batchId, ProcedureKind procedure, int year, IReadOnlyList<ResultRecord> rows, Func<string, bool> isSchool)
    {
        var violations = new List<Violation>();
        if (string.IsNullOrWhiteSpace(batchId) || batchId.Length > MaxBatchIdLength)
        {
            violations.Add(new Violation(null, "batch_id", batchId, $"batch id is required, at most {MaxBatchIdLength} characters"));
        }

        if (!Enum.IsDefined(procedure))
        {
            violations.Add(new Violation(null, "procedure", procedure.ToString(), "procedure is required (VPR, OGE, EGE, NIKO or REGIONAL_DIAGNOSTIC)"));
            return violations;
        }

        if (year is < FirstYear or > LastYear)
        {
            violations.Add(new Violation(null, "year", Text(year), $"year must be between {FirstYear} and {LastYear}"));
            return violations;
        }

        if (rows.Count == 0 || rows.Count > MaxRows)
        {
            violations.Add(new Violation(null, "rows", Text(rows.Count), $"a batch holds 1 to {MaxRows} rows"));
            return violations;
        }

        var firstRowByKey = new Dictionary<(string Subject, int Grade, string Participant), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            ValidateRow(i, rows[i], procedure, isSchool, violations);
            var key = (rows[i].Subject, rows[i].Grade, rows[i].ParticipantCode);
            if (!firstRowByKey.TryAdd(key, i))
            {
                violations.Add(new Violation(i, $"rows[{i}].participant_code", rows[i].ParticipantCode,
                    $"duplicate participant for subject {key.Subject}, grade {key.Grade}: already in row {firstRowByKey[key]}"));
            }
        }

        return violations;
    }

    private static void ValidateRow(int i, ResultRecord row, ProcedureKind procedure, Func<string, bool> isSchool, List<Violation> violations)
    {
        void Add(string field, string value, string problem) => violations.Add(new Violation(i, $"rows[{i}].{field}", value, problem));

        if (ParticipantCodeRule.Problem(row.ParticipantCode) is { } codeProblem)
        {
            Add("participant_code", row.ParticipantCode, codeProblem);
        }

        if (!isSchool(row.SchoolCode))
        {
            Add("school_code", row.SchoolCode, "no school is registered with this code");
        }

        if (ProcedureRules.RequiresClassLabel(procedure) && string.IsNullOrWhiteSpace(row.ClassLabel))
        {
            Add("class_label", row.ClassLabel, $"class label is required for {ProcedureRules.RussianName(procedure)}");
        }
        else if (row.ClassLabel.Length > MaxClassLabelLength)
        {
            Add("class_label", row.ClassLabel, $"class label is longer than {MaxClassLabelLength} characters");
        }

        if (!ProcedureRules.Grades(procedure).Contains(row.Grade))
        {
            Add("grade", Text(row.Grade), $"{ProcedureRules.RussianName(procedure)} is written in grades {string.Join(", ", ProcedureRules.Grades(procedure))}");
        }

        if (!SubjectCatalog.IsKnown(row.Subject))
        {
            Add("subject", row.Subject, "unknown subject code");
        }

        ValidateScores(row, procedure, Add);
        ValidateTasks(row, Add);
    }

    private static void ValidateScores(ResultRecord row, ProcedureKind procedure, Action<string, string, string> add)
    {
        if (row.MaxPrimaryScore is <= 0 or > MaxPrimaryScore)
        {
            add("max_primary_score", Text(row.MaxPrimaryScore), $"maximum primary score must be 1 to {MaxPrimaryScore}");
        }
        else if (row.PrimaryScore < 0 || row.PrimaryScore > row.MaxPrimaryScore)
        {
            add("primary_score", Text(row.PrimaryScore), $"primary score must be 0 to the maximum {row.MaxPrimaryScore}");
        }

        if (row.Mark is { } mark && mark is < 2 or > 5)
        {
            add("mark", Text(mark), "mark must be 2, 3, 4 or 5");
        }
        else if (row.Mark is null && ProcedureRules.RequiresMark(procedure, row.Subject))
        {
            add("mark", "", $"mark is required for {ProcedureRules.RussianName(procedure)} {row.Subject}");
        }

        if (row.TestScore is { } testScore)
        {
            if (procedure != ProcedureKind.Ege)
            {
                add("test_score", Text(testScore), "a 100-point test score is given only for ЕГЭ");
            }
            else if (testScore is < 0 or > 100)
            {
                add("test_score", Text(testScore), "test score must be 0 to 100");
            }
        }
        else if (ProcedureRules.RequiresTestScore(procedure, row.Subject))
        {
            add("test_score", "", "test score is required for ЕГЭ");
        }

        if (row.TermMark is { } termMark)
        {
            if (!ProcedureRules.AllowsTermMark(procedure))
            {
                add("term_mark", Text(termMark), $"a term mark is not compared for {ProcedureRules.RussianName(procedure)}");
            }
            else if (termMark is < 2 or > 5)
            {
                add("term_mark", Text(termMark), "term mark must be 2, 3, 4 or 5");
            }
        }
    }

    private static void ValidateTasks(ResultRecord row, Action<string, string, string> add)
    {
        if (row.TaskPoints.Length != row.TaskMaxPoints.Length)
        {
            add("task_max_points", Text(row.TaskMaxPoints.Length), $"there must be one maximum per task ({row.TaskPoints.Length} tasks)");
            return;
        }

        if (row.TaskPoints.Length > MaxTasks)
        {
            add("task_points", Text(row.TaskPoints.Length), $"at most {MaxTasks} tasks");
            return;
        }

        var valid = true;
        for (var t = 0; t < row.TaskPoints.Length; t++)
        {
            if (row.TaskMaxPoints[t] is <= 0 or > MaxPrimaryScore)
            {
                add($"task_max_points[{t}]", Text(row.TaskMaxPoints[t]), $"task maximum must be 1 to {MaxPrimaryScore}");
                valid = false;
            }
            else if (row.TaskPoints[t] < 0 || row.TaskPoints[t] > row.TaskMaxPoints[t])
            {
                add($"task_points[{t}]", Text(row.TaskPoints[t]), $"task points must be 0 to the task maximum {row.TaskMaxPoints[t]}");
                valid = false;
            }
        }

        if (valid && row.TaskPoints.Length > 0 && row.TaskPoints.Sum() != row.PrimaryScore)
        {
            add("task_points", Text(row.TaskPoints.Sum()), $"task points add up to {row.TaskPoints.Sum()}, not to the primary score {row.PrimaryScore}");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
