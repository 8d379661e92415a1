using EduQuality.Cli.Import;
using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Context;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Validation;
using Xunit;

namespace EduQuality.Server.Tests.Import;

/// <summary>
/// Every problem the server's validators report for what eduq imports has a Russian wording: the validators are run over
/// input that breaks each of their rules, and each problem they return must be translated.
/// </summary>
public sealed class ProblemTextTests
{
    [Theory]
    [InlineData("mark must be 2, 3, 4 or 5", "отметка должна быть 2, 3, 4 или 5")]
    [InlineData("task points add up to 7, not to the primary score 9", "сумма баллов за задания 7 не равна первичному баллу 9")]
    [InlineData("ВПР is written in grades 4, 5, 6", "ВПР проводится в классах 4, 5, 6")]
    [InlineData("the parent of a School must be a Municipality, not a Region", "вышестоящей для уровня «ОО» должен быть уровень «муниципалитет», а не «регион»")]
    [InlineData("winners (3) and prize-winners (5) exceed the participants (6)", "победителей (3) и призёров (5) вместе больше, чем участников (6)")]
    [InlineData("something the table does not know", "something the table does not know")]
    public void Problems_are_worded_in_Russian_with_their_figures(string english, string russian) =>
        Assert.Equal(russian, ProblemText.Russian(english));

    [Fact]
    public void Every_rule_of_the_result_validator_has_a_Russian_wording()
    {
        ResultRecord Row(string code, int grade = 5) => new()
        {
            Procedure = ProcedureKind.Vpr, Year = 2025, ParticipantCode = code, SchoolCode = "S1", Grade = grade, Subject = "MA",
            PrimaryScore = 3, MaxPrimaryScore = 10, Mark = 3,
        };
        var rows = new List<ResultRecord>
        {
            Row("") with { SchoolCode = "NOWHERE", ClassLabel = "" },
            Row(new string('1', 65)) with { ClassLabel = "ABCDEFGHIJKL", Grade = 12, Subject = "XX" },
            Row("Ivanov") with { ClassLabel = "5А", MaxPrimaryScore = 0, Mark = 7, TestScore = 50, TermMark = 1 },
            Row("Иванов") with { ClassLabel = "5А", PrimaryScore = 11, Mark = null },
            Row("123-456-789 01") with { ClassLabel = "5А", TaskPoints = [1], TaskMaxPoints = [] },
            Row("123-456-789-01") with { ClassLabel = "5А", TaskPoints = [.. Enumerable.Repeat(0, 101)], TaskMaxPoints = [.. Enumerable.Repeat(1, 101)] },
            Row("P7") with { ClassLabel = "5А", TaskPoints = [2, 0], TaskMaxPoints = [1, 0] },
            Row("P8") with { ClassLabel = "5А", TaskPoints = [1, 1], TaskMaxPoints = [1, 1] },
            Row("P8") with { ClassLabel = "5А" },
        };
        var ege = new ResultRecord
        {
            Procedure = ProcedureKind.Ege, Year = 2025, ParticipantCode = "E1", SchoolCode = "S1", Grade = 11, Subject = "RU",
            PrimaryScore = 10, MaxPrimaryScore = 50, TestScore = 120,
        };

        AssertTranslated(
        [
            .. ResultBatchValidator.Validate("", ProcedureKind.Vpr, 1999, rows, _ => true),
            .. ResultBatchValidator.Validate("b", (ProcedureKind)99, 2025, rows, _ => true),
            .. ResultBatchValidator.Validate("b", ProcedureKind.Vpr, 2025, [], _ => true),
            .. ResultBatchValidator.Validate("b", ProcedureKind.Vpr, 2025, rows, code => code == "S1"),
            .. ResultBatchValidator.Validate("b", ProcedureKind.Ege, 2025, [ege, ege with { ParticipantCode = "E2", TestScore = null, TermMark = 4 }], _ => true),
        ], expectedAtLeast: 25);
    }

    [Fact]
    public void Every_rule_of_the_organisation_and_context_validators_has_a_Russian_wording()
    {
        var known = new Organization("R1-M1-S1", OrganizationLevel.School, "ОО", "R1-M1");
        var organizations = new List<Organization>
        {
            new("R1", OrganizationLevel.Region, "", "R0", Students: -1),
            new("R1", (OrganizationLevel)9, "Регион", ""),
            new("?", OrganizationLevel.School, "ОО", "R1"),
            new("R1-M1-S1", OrganizationLevel.Municipality, "ОО", "R1"),
            new("R1-M2-S1", OrganizationLevel.School, "ОО", "NONE"),
        };
        var moved = new List<Organization> { known with { ParentCode = "R1-M2" }, new("R1-M2", OrganizationLevel.Municipality, "М2", "R1") };
        var factors = new SchoolContextFactors(1.5, 0, 0, 0, 0, false, false, false, false);
        var noCounts = new StudentCounts(0, null, null, null, null, null, null);
        var catalog = IndicatorCatalog.LoadShipped();

        AssertTranslated(
        [
            .. OrganizationValidator.Validate(organizations, code => code == known.Code ? known : null),
            .. OrganizationValidator.Validate(moved, code => code == known.Code ? known : code == "R1" ? new Organization("R1", OrganizationLevel.Region, "Р", "") : null),
            .. SchoolContextValidator.Validate("", [new("S1", 2025, factors, noCounts), new("S1", 2025, factors, noCounts), new("S1", 1900, factors, noCounts)], (_, _) => false),
            .. SchoolContextValidator.Validate("b", [new("S1", 2025, factors, new StudentCounts(-1, 3, null, null, null, null, null))], (_, _) => true),
            .. SchoolContextValidator.Validate("b", [new("S1", 2025, factors, new StudentCounts(10, 11, null, null, null, null, null))], (_, _) => true),
            .. SchoolContextValidator.Validate("b", [new("S1", 2025, factors with { ShareOnPreventiveRegister = 0.5 }, new StudentCounts(10, 1, null, null, null, null, null))], (_, _) => true),
            .. SchoolActivityValidator.ValidateTeachers("b", [new("S1", 2025, "", false, false, false, false, false, false, false, false)], (_, _) => true),
            .. SchoolActivityValidator.ValidateOlympiads("b", [new("S1", 2025, 0, "XX", -1, 3, 5)], (_, _) => true),
            .. SchoolActivityValidator.ValidateCareerGuidance("b", [new("S1", 2025, 5, 6, 0, 0, 0, 0)], (_, _) => true),
            .. IndicatorValueValidator.ValidateReported("b", [new("S1", 2025, "X-99", double.NaN), new("S1", 2025, "R1-I1", 120)], catalog, (_, _) => false),
            .. IndicatorValueValidator.ValidateReferences("b", [new("R1-I1", 2025, (ReferenceLevel)7, 1, "R0")], catalog, (_, _) => false),
            .. IndicatorValueValidator.ValidateReferenceMeans("b", [new("R0", 2025, (ProcedureKind)0, "XX", 12, ReferenceLevel.Regional, 101)], (_, _) => false),
        ], expectedAtLeast: 20);
    }

    private static void AssertTranslated(IReadOnlyList<Violation> violations, int expectedAtLeast)
    {
        Assert.True(violations.Count >= expectedAtLeast, $"only {violations.Count} violations: the inputs no longer break the rules they were written for");
        Assert.All(violations, v => Assert.NotEqual(v.Problem, ProblemText.Russian(v.Problem)));
    }
}
