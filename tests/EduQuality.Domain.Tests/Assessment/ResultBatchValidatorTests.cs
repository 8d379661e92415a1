using EduQuality.Domain.Assessment;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class ResultBatchValidatorTests
{
    private static bool IsSchool(string code) => code is "SCH-1" or "SCH-2";

    private static IReadOnlyList<Violation> Validate(ProcedureKind procedure, params ResultRecord[] rows) =>
        ResultBatchValidator.Validate("batch-1", procedure, Rows.Year, rows, IsSchool);

    /// <summary>Validates a valid row 0 followed by <paramref name="second"/> as row 1; returns the one violation.</summary>
    private static Violation OnlyViolationOfSecondRow(ProcedureKind procedure, ResultRecord second)
    {
        var violations = Validate(procedure, Rows.ValidFor(procedure, "P0000"), second);
        return Assert.Single(violations);
    }

    private static void AssertViolation(Violation violation, int? row, string field, string value)
    {
        Assert.Equal(row, violation.Row);
        Assert.Equal(field, violation.Field);
        Assert.Equal(value, violation.Value);
    }

    [Fact]
    public void Validate_ValidVprRow_HasNoViolations()
    {
        Assert.Empty(Validate(ProcedureKind.Vpr, Rows.Vpr()));
    }

    [Fact]
    public void Validate_ValidOgeRow_HasNoViolations()
    {
        Assert.Empty(Validate(ProcedureKind.Oge, Rows.Oge()));
    }

    [Fact]
    public void Validate_ValidEgeRow_HasNoViolations()
    {
        Assert.Empty(Validate(ProcedureKind.Ege, Rows.Ege()));
    }

    [Fact]
    public void Validate_ValidEgeBaseMathematicsRow_HasNoViolations()
    {
        Assert.Empty(Validate(ProcedureKind.Ege, Rows.EgeBaseMathematics()));
    }

    [Theory]
    [InlineData(ProcedureKind.Niko)]
    [InlineData(ProcedureKind.RegionalDiagnostic)]
    public void Validate_ValidNikoAndRegionalRowsWithTermMark_HaveNoViolations(ProcedureKind procedure)
    {
        Assert.Empty(Validate(procedure, Rows.ValidFor(procedure) with { TermMark = 3 }));
    }

    [Fact]
    public void Validate_SeveralValidRows_HaveNoViolations()
    {
        Assert.Empty(Validate(ProcedureKind.Vpr, Rows.Vpr("P0001"), Rows.Vpr("P0002"), Rows.Vpr("P0003") with { SchoolCode = "SCH-2" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ivanov")]
    [InlineData("Иванов1")]
    [InlineData("12345678901")]
    public void Validate_BadParticipantCode_NamesParticipantCode(string code)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, Rows.Vpr() with { ParticipantCode = code });

        AssertViolation(violation, 1, "rows[1].participant_code", code);
        Assert.Equal(ParticipantCodeRule.Problem(code), violation.Problem);
    }

    [Fact]
    public void Validate_UnknownSchool_NamesSchoolCode()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, Rows.Vpr() with { SchoolCode = "SCH-9" });

        AssertViolation(violation, 1, "rows[1].school_code", "SCH-9");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_VprWithoutClassLabel_NamesClassLabel(string label)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, Rows.Vpr() with { ClassLabel = label });

        AssertViolation(violation, 1, "rows[1].class_label", label);
        Assert.Contains("ВПР", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OgeWithoutClassLabel_IsAccepted()
    {
        Assert.Empty(Validate(ProcedureKind.Oge, Rows.Oge() with { ClassLabel = "" }));
    }

    [Fact]
    public void Validate_ClassLabelLongerThanTen_NamesClassLabel()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Oge, Rows.Oge() with { ClassLabel = "9-АБВГДЕЁЖЗ" });

        AssertViolation(violation, 1, "rows[1].class_label", "9-АБВГДЕЁЖЗ");
    }

    [Fact]
    public void Validate_ClassLabelOfTen_IsAccepted()
    {
        Assert.Empty(Validate(ProcedureKind.Vpr, Rows.Vpr() with { ClassLabel = "4-АБВГДЕЁЖ" }));
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr, 9)]
    [InlineData(ProcedureKind.Vpr, 11)]
    [InlineData(ProcedureKind.Vpr, 3)]
    [InlineData(ProcedureKind.Oge, 11)]
    [InlineData(ProcedureKind.Ege, 9)]
    [InlineData(ProcedureKind.Niko, 12)]
    [InlineData(ProcedureKind.RegionalDiagnostic, 0)]
    public void Validate_GradeNotWrittenInTheProcedure_NamesGrade(ProcedureKind procedure, int grade)
    {
        var violation = OnlyViolationOfSecondRow(procedure, Rows.ValidFor(procedure) with { Grade = grade });

        AssertViolation(violation, 1, "rows[1].grade", grade.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr, 10)]
    [InlineData(ProcedureKind.Niko, 1)]
    [InlineData(ProcedureKind.RegionalDiagnostic, 11)]
    public void Validate_GradeWrittenInTheProcedure_IsAccepted(ProcedureKind procedure, int grade)
    {
        Assert.Empty(Validate(procedure, Rows.ValidFor(procedure) with { Grade = grade }));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ru")]
    [InlineData("")]
    public void Validate_UnknownSubject_NamesSubject(string subject)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Oge, Rows.Oge() with { Subject = subject });

        AssertViolation(violation, 1, "rows[1].subject", subject);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Validate_MaxPrimaryScoreOutOfRange_NamesMaxPrimaryScore(int max)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Oge, Rows.Oge() with { MaxPrimaryScore = max, PrimaryScore = 0 });

        AssertViolation(violation, 1, "rows[1].max_primary_score", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(32)]
    public void Validate_PrimaryScoreOutsideZeroToMax_NamesPrimaryScore(int primary)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Oge, Rows.Oge() with { PrimaryScore = primary });

        AssertViolation(violation, 1, "rows[1].primary_score", primary.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Validate_PrimaryScoreAtZeroOrMax_IsAccepted(int primary)
    {
        Assert.Empty(Validate(ProcedureKind.Oge, Rows.Oge() with { PrimaryScore = primary }));
    }

    [Fact]
    public void Validate_VprWithoutMark_NamesMark()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, Rows.Vpr() with { Mark = null, TermMark = null });

        AssertViolation(violation, 1, "rows[1].mark", "");
    }

    [Fact]
    public void Validate_OgeWithoutMark_NamesMark()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Oge, Rows.Oge() with { Mark = null });

        AssertViolation(violation, 1, "rows[1].mark", "");
    }

    [Fact]
    public void Validate_EgeBaseMathematicsWithoutMark_NamesMark()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Ege, Rows.EgeBaseMathematics() with { Mark = null });

        AssertViolation(violation, 1, "rows[1].mark", "");
        Assert.Contains("MAB", violation.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProcedureKind.Niko)]
    [InlineData(ProcedureKind.RegionalDiagnostic)]
    public void Validate_NikoAndRegionalWithoutMark_AreAccepted(ProcedureKind procedure)
    {
        Assert.Empty(Validate(procedure, Rows.ValidFor(procedure) with { Mark = null }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(0)]
    public void Validate_MarkOutsideTwoToFive_NamesMark(int mark)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Oge, Rows.Oge() with { Mark = mark });

        AssertViolation(violation, 1, "rows[1].mark", mark.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Validate_MarkOutOfRangeWhereNoneIsRequired_NamesMark()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Ege, Rows.Ege() with { Mark = 7 });

        AssertViolation(violation, 1, "rows[1].mark", "7");
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr)]
    [InlineData(ProcedureKind.Oge)]
    [InlineData(ProcedureKind.Niko)]
    [InlineData(ProcedureKind.RegionalDiagnostic)]
    public void Validate_TestScoreOutsideEge_NamesTestScore(ProcedureKind procedure)
    {
        var violation = OnlyViolationOfSecondRow(procedure, Rows.ValidFor(procedure) with { TestScore = 70 });

        AssertViolation(violation, 1, "rows[1].test_score", "70");
    }

    [Fact]
    public void Validate_EgeWithoutTestScore_NamesTestScore()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Ege, Rows.Ege() with { TestScore = null });

        AssertViolation(violation, 1, "rows[1].test_score", "");
    }

    [Fact]
    public void Validate_EgeBaseMathematicsWithoutTestScore_IsAccepted()
    {
        Assert.Empty(Validate(ProcedureKind.Ege, Rows.EgeBaseMathematics() with { TestScore = null }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_TestScoreOutsideZeroToHundred_NamesTestScore(int testScore)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Ege, Rows.Ege() with { TestScore = testScore });

        AssertViolation(violation, 1, "rows[1].test_score", testScore.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Validate_TestScoreAtZeroOrHundred_IsAccepted(int testScore)
    {
        Assert.Empty(Validate(ProcedureKind.Ege, Rows.Ege() with { TestScore = testScore }));
    }

    [Theory]
    [InlineData(ProcedureKind.Oge)]
    [InlineData(ProcedureKind.Ege)]
    public void Validate_TermMarkForOgeOrEge_NamesTermMark(ProcedureKind procedure)
    {
        var violation = OnlyViolationOfSecondRow(procedure, Rows.ValidFor(procedure) with { TermMark = 4 });

        AssertViolation(violation, 1, "rows[1].term_mark", "4");
        Assert.Contains(ProcedureRules.RussianName(procedure), violation.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProcedureKind.Vpr, 1)]
    [InlineData(ProcedureKind.Vpr, 6)]
    [InlineData(ProcedureKind.Niko, 0)]
    [InlineData(ProcedureKind.RegionalDiagnostic, 7)]
    public void Validate_TermMarkOutsideTwoToFive_NamesTermMark(ProcedureKind procedure, int termMark)
    {
        var violation = OnlyViolationOfSecondRow(procedure, Rows.ValidFor(procedure) with { TermMark = termMark });

        AssertViolation(violation, 1, "rows[1].term_mark", termMark.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Validate_TaskArraysOfDifferentLength_NamesTaskMaxPoints()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, Rows.Vpr() with { TaskMaxPoints = [12, 12, 12] });

        AssertViolation(violation, 1, "rows[1].task_max_points", "3");
    }

    [Fact]
    public void Validate_MoreThanHundredTasks_NamesTaskPoints()
    {
        var points = new int[101];
        points[0] = 20;
        var maxima = Enumerable.Repeat(1, 101).ToArray();
        maxima[0] = 24;
        var row = Rows.Vpr() with { TaskPoints = points, TaskMaxPoints = maxima };

        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, row);

        AssertViolation(violation, 1, "rows[1].task_points", "101");
    }

    [Fact]
    public void Validate_HundredTasks_IsAccepted()
    {
        var points = new int[100];
        points[0] = 20;
        var maxima = Enumerable.Repeat(1, 100).ToArray();
        maxima[0] = 24;

        Assert.Empty(Validate(ProcedureKind.Vpr, Rows.Vpr() with { TaskPoints = points, TaskMaxPoints = maxima }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Validate_TaskMaximumOutOfRange_NamesThatTask(int max)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, Rows.Vpr() with { TaskMaxPoints = [12, max] });

        AssertViolation(violation, 1, "rows[1].task_max_points[1]", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(-1, 21)]
    [InlineData(13, 7)]
    public void Validate_TaskPointsOutsideZeroToTaskMaximum_NamesThatTask(int first, int second)
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, Rows.Vpr() with { TaskPoints = [first, second], TaskMaxPoints = [12, 24] });

        AssertViolation(violation, 1, "rows[1].task_points[0]", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Validate_TaskPointsNotAddingUpToPrimaryScore_NamesTaskPoints()
    {
        var violation = OnlyViolationOfSecondRow(ProcedureKind.Vpr, Rows.Vpr() with { TaskPoints = [10, 9] });

        AssertViolation(violation, 1, "rows[1].task_points", "19");
        Assert.Contains("primary score 20", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TaskSum_IsNotCheckedWhenATaskIsInvalid()
    {
        var violations = Validate(ProcedureKind.Vpr, Rows.Vpr() with { TaskPoints = [13, 0] });

        var violation = Assert.Single(violations);
        Assert.Equal("rows[0].task_points[0]", violation.Field);
    }

    [Fact]
    public void Validate_RowWithoutTasks_IsAccepted()
    {
        Assert.Empty(Validate(ProcedureKind.Vpr, Rows.Vpr() with { TaskPoints = [], TaskMaxPoints = [] }));
    }

    [Fact]
    public void Validate_DuplicateParticipant_NamesTheFirstRow()
    {
        var violations = Validate(ProcedureKind.Vpr, Rows.Vpr("P0001"), Rows.Vpr("P0002"), Rows.Vpr("P0001") with { PrimaryScore = 24, TaskPoints = [12, 12] });

        var violation = Assert.Single(violations);
        AssertViolation(violation, 2, "rows[2].participant_code", "P0001");
        Assert.Contains("already in row 0", violation.Problem, StringComparison.Ordinal);
        Assert.Contains("subject RU, grade 4", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameParticipantInAnotherSubjectOrGrade_IsNotADuplicate()
    {
        var violations = Validate(
            ProcedureKind.Vpr,
            Rows.Vpr("P0001"),
            Rows.Vpr("P0001") with { Subject = "MA" },
            Rows.Vpr("P0001") with { Grade = 5 });

        Assert.Empty(violations);
    }

    [Fact]
    public void Validate_ThirdCopyOfAParticipant_AlsoNamesTheFirstRow()
    {
        var violations = Validate(ProcedureKind.Oge, Rows.Oge("P7"), Rows.Oge("P7"), Rows.Oge("P7"));

        Assert.Equal([(1, "rows[1].participant_code"), (2, "rows[2].participant_code")], violations.Select(v => (v.Row ?? -1, v.Field)).ToList());
        Assert.All(violations, v => Assert.Contains("already in row 0", v.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblemsInOneRow_AreAllReported()
    {
        var row = Rows.Vpr() with { SchoolCode = "NOPE", Grade = 9, Mark = 9, TestScore = 50 };

        var violations = Validate(ProcedureKind.Vpr, row);

        Assert.Equal(
            ["rows[0].school_code", "rows[0].grade", "rows[0].mark", "rows[0].test_score"],
            violations.Select(v => v.Field).ToList());
        Assert.All(violations, v => Assert.Equal(0, v.Row));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingBatchId_IsABatchViolation(string batchId)
    {
        var violations = ResultBatchValidator.Validate(batchId, ProcedureKind.Vpr, Rows.Year, [Rows.Vpr()], IsSchool);

        AssertViolation(Assert.Single(violations), null, "batch_id", batchId);
    }

    [Fact]
    public void Validate_BatchIdOverHundredCharacters_IsABatchViolation()
    {
        var batchId = new string('b', 101);

        var violations = ResultBatchValidator.Validate(batchId, ProcedureKind.Vpr, Rows.Year, [Rows.Vpr()], IsSchool);

        AssertViolation(Assert.Single(violations), null, "batch_id", batchId);
    }

    [Fact]
    public void Validate_BatchIdOfHundredCharacters_IsAccepted()
    {
        Assert.Empty(ResultBatchValidator.Validate(new string('b', 100), ProcedureKind.Vpr, Rows.Year, [Rows.Vpr()], IsSchool));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Validate_UndefinedProcedure_StopsWithABatchViolation(int procedure)
    {
        var violations = ResultBatchValidator.Validate("batch-1", (ProcedureKind)procedure, Rows.Year, [Rows.Vpr() with { SchoolCode = "NOPE" }], IsSchool);

        AssertViolation(Assert.Single(violations), null, "procedure", procedure.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Validate_YearOutOfRange_StopsWithABatchViolation(int year)
    {
        var violations = ResultBatchValidator.Validate("batch-1", ProcedureKind.Vpr, year, [Rows.Vpr() with { SchoolCode = "NOPE" }], IsSchool);

        AssertViolation(Assert.Single(violations), null, "year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(2100)]
    public void Validate_FirstAndLastYears_AreAccepted(int year)
    {
        Assert.Empty(ResultBatchValidator.Validate("batch-1", ProcedureKind.Vpr, year, [Rows.Vpr()], IsSchool));
    }

    [Fact]
    public void Validate_NoRows_IsABatchViolation()
    {
        var violations = ResultBatchValidator.Validate("batch-1", ProcedureKind.Vpr, Rows.Year, [], IsSchool);

        AssertViolation(Assert.Single(violations), null, "rows", "0");
    }

    [Fact]
    public void Validate_MoreThanMaxRows_IsABatchViolationWithoutRowChecks()
    {
        var rows = Enumerable.Repeat(Rows.Vpr() with { SchoolCode = "NOPE" }, ResultBatchValidator.MaxRows + 1).ToList();

        var violations = ResultBatchValidator.Validate("batch-1", ProcedureKind.Vpr, Rows.Year, rows, IsSchool);

        AssertViolation(Assert.Single(violations), null, "rows", "50001");
    }

    [Fact]
    public void Validate_MissingBatchIdAndBadRow_ReportsBoth()
    {
        var violations = ResultBatchValidator.Validate("", ProcedureKind.Vpr, Rows.Year, [Rows.Vpr() with { SchoolCode = "NOPE" }], IsSchool);

        Assert.Equal([(null, "batch_id"), (0, "rows[0].school_code")], violations.Select(v => (v.Row, v.Field)).ToList());
    }
}
