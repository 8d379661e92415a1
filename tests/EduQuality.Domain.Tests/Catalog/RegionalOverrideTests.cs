using System.Text.Json.Nodes;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Tests.Catalog.Samples;

namespace EduQuality.Domain.Tests.Catalog;

public sealed class RegionalOverrideTests
{
    private static CatalogSource Source(string name, string json) => CatalogSource.FromText(name, json);

    private static CatalogSource Norilsk => Source(SampleProfiles.KrasnoyarskNorilskFile, SampleProfiles.KrasnoyarskNorilsk);

    private static CatalogSource Sverdlovsk => Source(SampleProfiles.SverdlovskFile, SampleProfiles.Sverdlovsk);

    private static IReadOnlyList<CatalogViolation> OverrideViolations(string json) =>
        IndicatorCatalog.LoadShipped().WithOverride(Source("region.json", json)).Validate();

    [Fact]
    public void Norilsk_profile_enables_only_the_low_results_direction()
    {
        var catalog = IndicatorCatalog.LoadOrThrow(Norilsk);

        Assert.Equal(["krasnoyarsk-norilsk"], catalog.Profiles);
        Assert.Equal(["R2"], catalog.Directions.Where(d => d.Enabled).Select(d => d.Code));
        Assert.All(catalog.ActiveIndicators, i => Assert.Equal("R2", i.Direction));
        Assert.Equal(catalog.IndicatorsOf("R2").Count - 1, catalog.ActiveIndicators.Count);
        Assert.DoesNotContain(catalog.ActiveIndicators, i => i.Code == "ШНОР-D1");
    }

    [Fact]
    public void Norilsk_profile_changes_a_target_and_keeps_the_shipped_ones()
    {
        var catalog = IndicatorCatalog.LoadOrThrow(Norilsk);
        var diagnostics = catalog.Find("ШНОР-T1")!;

        Assert.Null(IndicatorCatalog.LoadOrThrow().Find("ШНОР-T1")!.Target);
        Assert.Equal(new IndicatorTarget(50, TargetComparator.AtLeast), diagnostics.Target);
        Assert.Equal("indicators-R2.json", diagnostics.File);
        Assert.Equal(new IndicatorTarget(100, TargetComparator.AtLeast), catalog.Find("NOR-P1")!.Target);
        Assert.Equal(new IndicatorTarget(50, TargetComparator.AtLeast), catalog.Find("NOR-T3")!.Target);
    }

    [Fact]
    public void A_threshold_change_keeps_the_thresholds_it_does_not_name()
    {
        var thresholds = IndicatorCatalog.LoadOrThrow(Norilsk).Find("ШНОР-3")!.Thresholds;

        Assert.Equal(new IndicatorThresholds { MinSample = 20, AdverseChange = 5 }, thresholds);
    }

    [Fact]
    public void Norilsk_profile_adds_a_local_indicator()
    {
        var local = IndicatorCatalog.LoadOrThrow(Norilsk).Find("NOR-L1")!;

        Assert.Equal(("R2", SampleProfiles.KrasnoyarskNorilskFile), (local.Direction, local.File));
        Assert.Equal([9], local.Periodicity.Months);
    }

    [Fact]
    public void Sverdlovsk_profile_keeps_assessment_of_training_and_its_local_direction()
    {
        var catalog = IndicatorCatalog.LoadOrThrow(Sverdlovsk);

        Assert.Equal(["R1", "SVE-N0"], catalog.Directions.Where(d => d.Enabled).Select(d => d.Code));
        Assert.Equal(DirectionGroup.Local, catalog.FindDirection("SVE-N0")!.Group);
        Assert.Equal(new IndicatorTarget(null, TargetComparator.Yes), catalog.Find("SVE-N0-1")!.Target);
        Assert.Equal(10m, catalog.Find("R1-M1")!.Thresholds.SignificantDeviation);
        Assert.False(catalog.FindDirection("R2")!.Enabled);
        Assert.DoesNotContain(catalog.ActiveIndicators, i => i.Direction == "R2");
        Assert.Contains(catalog.ActiveIndicators, i => i.Code == "NEG-1");
    }

    [Fact]
    public void A_later_override_applies_after_an_earlier_one()
    {
        const string municipality = """
            { "profile": "norilsk-2024", "disabledDirections": ["R2"], "changes": [{ "code": "NOR-M6", "target": { "value": 40, "comparator": ">=" } }] }
            """;

        var catalog = IndicatorCatalog.LoadOrThrow(Norilsk, Source("norilsk-2024.json", municipality));

        Assert.Equal(["krasnoyarsk-norilsk", "norilsk-2024"], catalog.Profiles);
        Assert.Equal(40m, catalog.Find("NOR-M6")!.Target!.Value);
        Assert.Empty(catalog.ActiveIndicators);
    }

    [Fact]
    public void Disabling_a_direction_deactivates_its_indicators()
    {
        var catalog = IndicatorCatalog.LoadOrThrow(Source("no-heads.json", """{ "profile": "no-heads", "disabledDirections": ["A2"] }"""));

        Assert.False(catalog.FindDirection("A2")!.Enabled);
        Assert.Equal(8, catalog.Directions.Count(d => d.Enabled));
        Assert.Equal(catalog.Indicators.Count - catalog.IndicatorsOf("A2").Count, catalog.ActiveIndicators.Count);
    }

    [Fact]
    public void An_unknown_indicator_code_in_an_override_is_refused()
    {
        var error = Assert.Throws<CatalogValidationException>(() => IndicatorCatalog.LoadOrThrow(
            Source("region.json", """{ "profile": "p", "changes": [{ "code": "NOR-P9", "target": { "value": 90, "comparator": ">=" } }] }""")));

        var violation = Assert.Single(error.Violations);
        Assert.Equal(("region.json", "NOR-P9", "changes[0].code"), (violation.File, violation.Entry, violation.Field));
        Assert.StartsWith("unknown indicator code", violation.Problem);
    }

    [Theory]
    [InlineData("""{ "profile": "p", "enabledDirections": ["R1", "R7"] }""", "R7", "enabledDirections[1]", "unknown direction code")]
    [InlineData("""{ "profile": "p", "disabledDirections": ["X"] }""", "X", "disabledDirections[0]", "unknown direction code")]
    [InlineData("""{ "enabledDirections": ["R1"] }""", "(profile)", "profile", "is required")]
    [InlineData("""{ "profile": "p", "changes": [{ "code": "NOR-P1" }] }""", "NOR-P1", "changes[0]", "a change must set target, thresholds or enabled")]
    [InlineData("""{ "profile": "p", "changes": [{ "target": { "value": 1, "comparator": ">=" } }] }""", "changes[0]", "changes[0].code", "is required")]
    [InlineData("""{ "profile": "p", "changes": [{ "code": "NOR-P1", "target": { "value": 90, "comparator": "≥" } }] }""", "NOR-P1", "target.comparator", "unknown value")]
    [InlineData("""{ "profile": "p", "changes": [{ "code": "NOR-X1", "target": { "value": 1, "comparator": ">=" } }] }""", "NOR-X1", "target.comparator", "takes only a 'yes' target")]
    [InlineData("""{ "profile": "p", "changes": [{ "code": "NEG-2", "target": { "value": 60, "comparator": ">=" } }] }""", "NEG-2", "target", "negative consequences")]
    [InlineData("""{ "profile": "p", "changes": [{ "code": "ШНОР-S", "thresholds": { "bottomShare": 0 } }] }""", "ШНОР-S", "thresholds.bottomShare", "greater than 0")]
    [InlineData("""{ "profile": "p", "changes": [{ "code": "NOR-P1", "threshold": { "minSample": 5 } }] }""", "$.changes[0].threshold", "(json)", "not a valid catalogue document")]
    public void A_broken_override_is_reported_against_the_override_file(string json, string entry, string field, string problem)
    {
        var violation = Assert.Single(OverrideViolations(json));

        Assert.Equal(("region.json", entry, field), (violation.File, violation.Entry, violation.Field));
        Assert.Contains(problem, violation.Problem);
    }

    [Fact]
    public void A_local_indicator_is_validated_like_a_shipped_one()
    {
        var local = JsonNode.Parse(CatalogTestDocuments.Indicator)!.AsObject();
        local["code"] = "NOR-P1";
        local["denominator"] = null;
        var document = new JsonObject { ["profile"] = "p", ["indicators"] = new JsonArray(local) };

        var violations = OverrideViolations(document.ToJsonString());

        Assert.Equal(
            [
                "region.json: NOR-P1: denominator = '': a share indicator needs a denominator (a count measure)",
                "region.json: NOR-P1: code = 'NOR-P1': duplicate indicator code; first defined in indicators-R2-norilsk.json",
            ],
            violations.Select(v => v.ToString()));
    }

    [Fact]
    public void A_disabled_direction_in_an_override_can_carry_local_indicators()
    {
        const string json = """
            { "profile": "p", "enabledDirections": ["R1"], "directions": [{ "code": "LOC", "group": "local", "nameRu": "Местное направление", "nameEn": "Local",
              "sources": [{ "document": "приказ № 12", "nameRu": "Местное направление", "coverage": "full" }] }] }
            """;

        var catalog = IndicatorCatalog.LoadOrThrow(Source("region.json", json));

        Assert.False(catalog.FindDirection("LOC")!.Enabled);
        Assert.Equal("region.json", catalog.FindDirection("LOC")!.File);
    }
}
