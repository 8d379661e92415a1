using System.Text;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Reference;

namespace EduQuality.Domain.Tests.Reference;

public sealed class ThresholdTableTests
{
    private const string RegionalTable = """
        {
          "version": "region-42/2026",
          "egeMinimum": [
            { "subject": "RU", "fromYear": 2019, "minTestScore": 24 },
            { "subject": "RU", "fromYear": 2026, "minTestScore": 30 }
          ],
          "highScore": [
            { "procedure": "Ege", "subject": "*", "fromYear": 2000, "testScoreAtLeast": 81 },
            { "procedure": "Ege", "subject": "*", "fromYear": 2026, "testScoreAtLeast": 90 },
            { "procedure": "Ege", "subject": "PH", "fromYear": 2000, "testScoreAtLeast": 70 },
            { "procedure": "Vpr", "subject": "*", "fromYear": 2000, "markAtLeast": 4 }
          ]
        }
        """;

    private static ThresholdTable Load(string json, string source = "region-42.json") =>
        ThresholdTable.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), source);

    [Fact]
    public void Default_HasTheShippedVersion()
    {
        Assert.Equal("2026-1", ThresholdTable.Default.Version);
    }

    [Theory]
    [InlineData("RU", 24)]
    [InlineData("MAP", 27)]
    [InlineData("SO", 42)]
    [InlineData("EN", 22)]
    public void Default_EgeMinimum_BySubject(string subject, int minimum)
    {
        Assert.Equal(minimum, ThresholdTable.Default.EgeMinimum(subject, 2025));
    }

    [Fact]
    public void Default_EgeMinimum_OfBaseMathematicsAndBeforeTheFirstYear_IsNull()
    {
        Assert.Null(ThresholdTable.Default.EgeMinimum(SubjectCatalog.BaseMathematics, 2025));
        Assert.Null(ThresholdTable.Default.EgeMinimum("RU", 2018));
    }

    [Theory]
    [InlineData(ProcedureKind.Ege, "RU", null, 81, true)]
    [InlineData(ProcedureKind.Ege, "RU", null, 80, false)]
    [InlineData(ProcedureKind.Ege, "RU", null, null, false)]
    [InlineData(ProcedureKind.Ege, "MAB", 5, null, true)]
    [InlineData(ProcedureKind.Ege, "MAB", 4, 100, false)]
    [InlineData(ProcedureKind.Oge, "MA", 5, null, true)]
    [InlineData(ProcedureKind.Vpr, "RU", 4, null, false)]
    [InlineData(ProcedureKind.Niko, "RL", 5, null, true)]
    [InlineData(ProcedureKind.RegionalDiagnostic, "MA", null, null, false)]
    public void Default_IsHighScorer(ProcedureKind procedure, string subject, int? mark, int? testScore, bool expected)
    {
        Assert.Equal(expected, ThresholdTable.Default.IsHighScorer(procedure, subject, 2025, mark, testScore));
    }

    [Fact]
    public void Load_ValidTable_ReadsVersion()
    {
        Assert.Equal("region-42/2026", Load(RegionalTable).Version);
    }

    [Theory]
    [InlineData(2018, null)]
    [InlineData(2019, 24)]
    [InlineData(2025, 24)]
    [InlineData(2026, 30)]
    [InlineData(2030, 30)]
    public void EgeMinimum_TakesTheLatestEntryInForce(int year, int? expected)
    {
        Assert.Equal(expected, Load(RegionalTable).EgeMinimum("RU", year));
    }

    [Theory]
    [InlineData(2025, 81, true)]
    [InlineData(2026, 81, false)]
    [InlineData(2026, 90, true)]
    public void IsHighScorer_TakesTheLatestWildcardRuleInForce(int year, int testScore, bool expected)
    {
        Assert.Equal(expected, Load(RegionalTable).IsHighScorer(ProcedureKind.Ege, "RU", year, null, testScore));
    }

    [Fact]
    public void IsHighScorer_SubjectRuleWinsOverWildcard()
    {
        var table = Load(RegionalTable);

        Assert.True(table.IsHighScorer(ProcedureKind.Ege, "PH", 2026, null, 70));
        Assert.False(table.IsHighScorer(ProcedureKind.Ege, "PH", 2026, null, 69));
    }

    [Fact]
    public void IsHighScorer_WithoutARuleForTheProcedure_IsFalse()
    {
        Assert.False(Load(RegionalTable).IsHighScorer(ProcedureKind.Oge, "MA", 2025, 5, null));
    }

    [Fact]
    public void IsHighScorer_MarkRuleUsesTheMark()
    {
        var table = Load(RegionalTable);

        Assert.True(table.IsHighScorer(ProcedureKind.Vpr, "RU", 2025, 4, null));
        Assert.False(table.IsHighScorer(ProcedureKind.Vpr, "RU", 2025, 3, null));
        Assert.False(table.IsHighScorer(ProcedureKind.Vpr, "RU", 2025, null, null));
    }

    [Fact]
    public void Load_RuleWithBothThresholds_IsRefusedNamingTheSource()
    {
        const string json = """
            { "version": "x", "egeMinimum": [],
              "highScore": [ { "procedure": "Ege", "subject": "RU", "fromYear": 2000, "testScoreAtLeast": 81, "markAtLeast": 5 } ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => Load(json, "region-42.json"));

        Assert.Equal(
            "region-42.json: high-score rule for Ege/RU must set exactly one of testScoreAtLeast and markAtLeast.",
            error.Message);
    }

    [Fact]
    public void Load_RuleWithNeitherThreshold_IsRefusedNamingTheSource()
    {
        const string json = """
            { "version": "x", "egeMinimum": [],
              "highScore": [ { "procedure": "Vpr", "subject": "*", "fromYear": 2000 } ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => Load(json, "thresholds-77.json"));

        Assert.Equal(
            "thresholds-77.json: high-score rule for Vpr/* must set exactly one of testScoreAtLeast and markAtLeast.",
            error.Message);
    }

    [Fact]
    public void Load_NullDocument_IsRefusedNamingTheSource()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("null", "empty.json"));

        Assert.Equal("empty.json: empty threshold table.", error.Message);
    }

    [Theory]
    [InlineData("""{"version":"x","egeMinimum":[]}""")]
    [InlineData("""{"version":"x","highScore":[]}""")]
    public void Load_TableWithoutAList_IsRefusedNamingTheFile(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(json, "r.json"));

        Assert.StartsWith("r.json:", error.Message);
    }
}
