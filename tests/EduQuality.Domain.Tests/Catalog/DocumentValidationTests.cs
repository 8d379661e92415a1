using System.Text.Json.Nodes;
using EduQuality.Domain.Catalog;
using static EduQuality.Domain.Tests.Catalog.CatalogTestDocuments;

namespace EduQuality.Domain.Tests.Catalog;

public sealed class DocumentValidationTests
{
    private static IReadOnlyList<CatalogViolation> DirectionViolations(string property, string? json)
    {
        var direction = Changed(Direction, property, json);
        var document = new JsonObject { ["directions"] = new JsonArray(direction) };
        return Load(document.ToJsonString(), "directions.json").Validate();
    }

    [Theory]
    [InlineData("group", "\"outcomes\"", "group", "unknown value; expected one of results, activities, local")]
    [InlineData("nameRu", null, "nameRu", "is required")]
    [InlineData("nameEn", null, "nameEn", "is required")]
    [InlineData("sources", "[]", "sources", "at least one source document is required")]
    [InlineData("sources", "[{ \"document\": \"001\", \"nameRu\": \"Система развития таланта\", \"coverage\": \"most\" }]", "sources[0].coverage", "unknown value")]
    [InlineData("sources", "[{ \"nameRu\": \"Система развития таланта\", \"coverage\": \"full\" }]", "sources[0].document", "is required")]
    public void A_broken_direction_is_named(string property, string? json, string field, string problem)
    {
        var violation = Assert.Single(DirectionViolations(property, json));

        Assert.Equal(("directions.json", "R1", field), (violation.File, violation.Entry, violation.Field));
        Assert.Contains(problem, violation.Problem);
    }

    [Fact]
    public void A_duplicate_indicator_code_across_files_names_both_files()
    {
        var first = CatalogSource.FromText("first.json", Document(JsonNode.Parse(Indicator)!));
        var second = CatalogSource.FromText("second.json", new JsonObject { ["indicators"] = new JsonArray(JsonNode.Parse(Indicator)) }.ToJsonString());

        var violations = IndicatorCatalog.Load([first, second]).Validate();

        Assert.Equal(["second.json: T-1: code = 'T-1': duplicate indicator code; first defined in first.json"], violations.Select(v => v.ToString()));
    }

    [Fact]
    public void A_duplicate_direction_code_is_refused()
    {
        var document = new JsonObject { ["directions"] = new JsonArray(JsonNode.Parse(Direction), JsonNode.Parse(Direction)) };

        var violation = Assert.Single(Load(document.ToJsonString()).Validate());

        Assert.Equal(("R1", "code", "duplicate direction code; first defined in broken.json"), (violation.Entry, violation.Field, violation.Problem));
    }

    [Fact]
    public void A_misspelt_property_is_refused_with_its_path()
    {
        var entry = JsonNode.Parse(Indicator)!.AsObject();
        entry["numerater"] = "vpr.mark2.count";

        var violation = Assert.Single(Violations(entry));

        Assert.Equal((FileName, "$.indicators[0].numerater", "(json)"), (violation.File, violation.Entry, violation.Field));
        Assert.Equal("not a valid catalogue document (line 1): unknown property 'numerater' (misspelt?)", violation.Problem);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var violation = Assert.Single(Load("{ \"indicators\": [ { \"code\": ").Validate());

        Assert.Equal(FileName, violation.File);
        Assert.Contains("line 1", violation.Problem);
    }

    [Fact]
    public void LoadOrThrow_lists_every_problem_with_file_and_entry()
    {
        var local = new JsonObject
        {
            ["profile"] = "broken-region",
            ["indicators"] = new JsonArray(Changed(Indicator, "direction", "\"R9\""), Changed(Presence, "evidence", "[\"letter\"]")),
            ["changes"] = JsonNode.Parse("[{ \"code\": \"ШНОР-99\", \"enabled\": false }]"),
        };

        var error = Assert.Throws<CatalogValidationException>(
            () => IndicatorCatalog.LoadOrThrow(CatalogSource.FromText("region-02.json", local.ToJsonString())));

        Assert.Equal(3, error.Violations.Count);
        Assert.Contains("(3 problem(s))", error.Message);
        Assert.Contains("region-02.json: ШНОР-99: changes[0].code = 'ШНОР-99': unknown indicator code", error.Message);
        Assert.Contains("region-02.json: T-1: direction = 'R9': unknown direction", error.Message);
        Assert.Contains("region-02.json: T-2: evidence[0] = 'letter': unknown evidence type", error.Message);
    }

    [Fact]
    public void The_typed_views_refuse_an_invalid_catalogue()
    {
        var catalog = Load(Document(Changed(Indicator, "kind", "\"ratio\"")));

        var error = Assert.Throws<CatalogValidationException>(() => catalog.Indicators);

        Assert.Contains("broken.json: T-1: kind = 'ratio'", error.Message);
    }

    [Fact]
    public void A_valid_document_gives_typed_definitions()
    {
        var catalog = Load(Document(JsonNode.Parse(Indicator)!, JsonNode.Parse(Presence)!)).ThrowIfInvalid();
        var share = catalog.Find("T-1")!;

        Assert.Equal((IndicatorKind.Share, IndicatorUnit.Percent, IndicatorRollup.Pooled), (share.Kind, share.Unit, share.Rollup));
        Assert.Equal(("vpr.mark2.count", "vpr.participants.count", null), (share.Formula.Numerator, share.Formula.Denominator, share.Formula.DynamicsOf));
        Assert.Empty(share.Formula.Variables.Concat(share.Formula.Components).Concat(share.Formula.Evidence));
        Assert.Equal("all", share.Population);
        Assert.Same(IndicatorThresholds.None, share.Thresholds);
        Assert.Equal(Explicitness.Derived, share.Explicitness);
        Assert.Equal(new SourceReference("002", "Прил. 3"), Assert.Single(share.Sources));
        Assert.Equal(["order"], catalog.Find("T-2")!.Formula.Evidence);
        Assert.Null(catalog.Find("T-3"));
    }
}
