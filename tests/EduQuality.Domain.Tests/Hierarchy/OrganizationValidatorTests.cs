using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Tests.Hierarchy;

public sealed class OrganizationValidatorTests
{
    // Already registered: region RU-77 with municipalities MUN-1 and MUN-2; school SCH-1 in MUN-1.
    private static readonly Dictionary<string, Organization> Registered = new[]
    {
        new Organization("RU-77", OrganizationLevel.Region, "Москва", ""),
        new Organization("MUN-1", OrganizationLevel.Municipality, "Район 1", "RU-77"),
        new Organization("MUN-2", OrganizationLevel.Municipality, "Район 2", "RU-77"),
        new Organization("SCH-1", OrganizationLevel.School, "Школа № 1", "MUN-1", Students: 800),
    }.ToDictionary(o => o.Code);

    private static IReadOnlyList<Violation> Validate(params Organization[] organizations) =>
        OrganizationValidator.Validate(organizations, code => Registered.GetValueOrDefault(code));

    private static Organization School(string code = "SCH-100", string parent = "MUN-1") =>
        new(code, OrganizationLevel.School, "Школа № 100", parent, Students: 500);

    private static void AssertOnly(IReadOnlyList<Violation> violations, int row, string field, string value)
    {
        var violation = Assert.Single(violations);
        Assert.Equal(row, violation.Row);
        Assert.Equal(field, violation.Field);
        Assert.Equal(value, violation.Value);
    }

    [Fact]
    public void Validate_NewHierarchyInOneBatch_HasNoViolations()
    {
        var violations = Validate(
            new Organization("RU-50", OrganizationLevel.Region, "Московская область", ""),
            new Organization("MUN-50", OrganizationLevel.Municipality, "Город 50", "RU-50"),
            School("SCH-50", "MUN-50"));

        Assert.Empty(violations);
    }

    [Fact]
    public void Validate_ParentLaterInTheBatch_IsAccepted()
    {
        Assert.Empty(Validate(School("SCH-50", "MUN-50"), new Organization("MUN-50", OrganizationLevel.Municipality, "Город 50", "RU-77")));
    }

    [Fact]
    public void Validate_SchoolUnderRegisteredMunicipality_IsAccepted()
    {
        Assert.Empty(Validate(School()));
    }

    [Fact]
    public void Validate_SchoolUnderARegion_IsRefused()
    {
        var violations = Validate(School(parent: "RU-77"));

        AssertOnly(violations, 0, "organizations[0].parent_code", "RU-77");
        Assert.Equal("the parent of a School must be a Municipality, not a Region", violations[0].Problem);
    }

    [Fact]
    public void Validate_SchoolUnderASchool_IsRefused()
    {
        var violations = Validate(School(parent: "SCH-1"));

        AssertOnly(violations, 0, "organizations[0].parent_code", "SCH-1");
        Assert.Equal("the parent of a School must be a Municipality, not a School", violations[0].Problem);
    }

    [Fact]
    public void Validate_MunicipalityUnderAMunicipality_IsRefused()
    {
        var violations = Validate(new Organization("MUN-3", OrganizationLevel.Municipality, "Район 3", "MUN-1"));

        AssertOnly(violations, 0, "organizations[0].parent_code", "MUN-1");
        Assert.Equal("the parent of a Municipality must be a Region, not a Municipality", violations[0].Problem);
    }

    [Fact]
    public void Validate_UnknownParent_IsRefused()
    {
        var violations = Validate(School(), School("SCH-101", "MUN-404"));

        AssertOnly(violations, 1, "organizations[1].parent_code", "MUN-404");
        Assert.Equal("no organisation is registered with this code", violations[0].Problem);
    }

    [Fact]
    public void Validate_SchoolWithoutParent_IsRefusedAsUnknownParent()
    {
        AssertOnly(Validate(School(parent: "")), 0, "organizations[0].parent_code", "");
    }

    [Fact]
    public void Validate_RegionWithAParent_IsRefused()
    {
        var violations = Validate(new Organization("RU-50", OrganizationLevel.Region, "Область", "RU-77"));

        AssertOnly(violations, 0, "organizations[0].parent_code", "RU-77");
        Assert.Equal("a region has no parent", violations[0].Problem);
    }

    [Fact]
    public void Validate_RepeatedCode_NamesTheFirstRow()
    {
        var violations = Validate(School("SCH-100"), School("SCH-101"), School("SCH-100"));

        AssertOnly(violations, 2, "organizations[2].code", "SCH-100");
        Assert.Equal("code repeats row 0", violations[0].Problem);
    }

    [Theory]
    [InlineData("S")]
    [InlineData("школа-1")]
    [InlineData("SCH 1")]
    [InlineData("SCH/1")]
    [InlineData("")]
    public void Validate_CodeOutsideThePattern_IsRefused(string code)
    {
        AssertOnly(Validate(School(code)), 0, "organizations[0].code", code);
    }

    [Fact]
    public void Validate_CodeOfFortyOneCharacters_IsRefused()
    {
        var code = new string('S', 41);

        AssertOnly(Validate(School(code)), 0, "organizations[0].code", code);
    }

    [Theory]
    [InlineData("S1")]
    [InlineData("a.b_c-1")]
    [InlineData("SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS")]
    public void Validate_CodeWithinThePattern_IsAccepted(string code)
    {
        Assert.Empty(Validate(School(code)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Validate_UndefinedLevel_IsRefusedAndTheRowIsNotCheckedFurther(int level)
    {
        var violations = Validate(new Organization("X1", (OrganizationLevel)level, "", "NOWHERE", Students: -5));

        AssertOnly(violations, 0, "organizations[0].level", level.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingName_IsRefused(string name)
    {
        AssertOnly(Validate(School() with { Name = name }), 0, "organizations[0].name", name);
    }

    [Fact]
    public void Validate_NameOver300Characters_IsRefusedAnd300IsAccepted()
    {
        AssertOnly(Validate(School() with { Name = new string('ш', 301) }), 0, "organizations[0].name", new string('ш', 301));
        Assert.Empty(Validate(School() with { Name = new string('ш', 300) }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Validate_StudentsOutOfRange_IsRefused(int students)
    {
        AssertOnly(
            Validate(School() with { Students = students }),
            0,
            "organizations[0].students",
            students.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Validate_StudentsAtTheLimits_AreAccepted(int students)
    {
        Assert.Empty(Validate(School() with { Students = students }));
    }

    [Fact]
    public void Validate_RegisteredSchoolUnderAnotherMunicipality_IsRefusedNamingMoveSchool()
    {
        var violations = Validate(new Organization("SCH-1", OrganizationLevel.School, "Школа № 1", "MUN-2"));

        AssertOnly(violations, 0, "organizations[0].parent_code", "MUN-2");
        Assert.Contains("registered under MUN-1", violations[0].Problem, StringComparison.Ordinal);
        Assert.Contains("MoveSchool", violations[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RegisteredOrganizationSentAgainUnchanged_IsAccepted()
    {
        Assert.Empty(Validate(Registered.Values.ToArray()));
    }

    [Fact]
    public void Validate_RegisteredOrganizationRenamed_IsAccepted()
    {
        Assert.Empty(Validate(Registered["SCH-1"] with { Name = "Лицей № 1", Students = 900 }));
    }

    [Fact]
    public void Validate_RegisteredCodeWithAnotherLevel_IsRefused()
    {
        var violations = Validate(new Organization("MUN-1", OrganizationLevel.School, "Школа", "MUN-2"));

        AssertOnly(violations, 0, "organizations[0].level", "School");
        Assert.Equal("already registered as a Municipality", violations[0].Problem);
    }

    [Fact]
    public void Validate_EveryRowIsChecked()
    {
        var violations = Validate(School("S"), School("SCH-2", "RU-77"), School("SCH-3") with { Students = -1 });

        Assert.Equal(
            [(0, "organizations[0].code"), (1, "organizations[1].parent_code"), (2, "organizations[2].students")],
            violations.Select(v => (v.Row ?? -1, v.Field)).ToList());
    }
}
