using System.Text.Json.Nodes;
using EduQuality.Domain.Catalog;
using static EduQuality.Domain.Tests.Catalog.CatalogTestDocuments;

namespace EduQuality.Domain.Tests.Catalog;

public sealed class IndicatorValidationTests
{
    [Fact]
    public void Baseline_documents_validate()
    {
        Assert.Empty(Violations(JsonNode.Parse(Indicator)!, JsonNode.Parse(Presence)!));
    }

    [Theory]
    [InlineData("direction", "\"R9\"", "direction", "unknown direction")]
    [InlineData("nameRu", null, "nameRu", "is required")]
    [InlineData("nameRu", "\"  \"", "nameRu", "is required")]
    [InlineData("nameRu", "\"Share of twos\"", "nameRu", "no Cyrillic letters")]
    [InlineData("nameEn", null, "nameEn", "is required")]
    [InlineData("kind", "\"ratio\"", "kind", "unknown value; expected one of share, mean, median, count, presence")]
    [InlineData("kind", "\"Share\"", "kind", "unknown value")]
    [InlineData("denominator", null, "denominator", "a share indicator needs a denominator (a count measure)")]
    [InlineData("numerator", null, "numerator", "a share indicator needs a numerator")]
    [InlineData("numerator", "\"vpr.mark7.count\"", "numerator", "unknown measure")]
    [InlineData("denominator", "\"vpr.participant.count\"", "denominator", "unknown measure")]
    [InlineData("numerator", "\"vpr.mark.sum\"", "numerator", "is a sum measure; a share indicator needs a count measure")]
    [InlineData("numerator", "\"ege.highScorers.count\"", "numerator", "comes from Ege, none of which is in the indicator's procedures")]
    [InlineData("unit", "\"count\"", "unit", "does not fit kind 'share'; expected percent")]
    [InlineData("unit", "\"percents\"", "unit", "unknown value")]
    [InlineData("procedures", "[\"Pisa\"]", "procedures[0]", "unknown procedure")]
    [InlineData("procedures", "[]", "procedures", "at least one procedure is required")]
    [InlineData("systems", "[\"Excel\"]", "systems[0]", "unknown source system")]
    [InlineData("levels", "[\"class\"]", "levels[0]", "unknown level")]
    [InlineData("levels", "[\"school\", \"school\"]", "levels[1]", "listed twice")]
    [InlineData("rollup", "\"sum\"", "rollup", "unknown value; expected one of pooled, schoolCount, none")]
    [InlineData("population", "\"everyone\"", "population", "unknown value")]
    [InlineData("subjects", "[\"XX\"]", "subjects[0]", "unknown subject code")]
    [InlineData("grades", "[12]", "grades[0]", "a grade must be 1–11")]
    [InlineData("periodicity", null, "periodicity", "is required")]
    [InlineData("periodicity", "{ \"frequency\": \"weekly\" }", "periodicity.frequency", "unknown value")]
    [InlineData("periodicity", "{ \"frequency\": \"severalPerYear\", \"months\": [10] }", "periodicity.months", "at least two months")]
    [InlineData("periodicity", "{ \"frequency\": \"annual\", \"months\": [13] }", "periodicity.months", "a month must be 1–12")]
    [InlineData("target", "{ \"value\": 100, \"comparator\": \">>\" }", "target.comparator", "unknown value; expected one of >=, <=, =, yes")]
    [InlineData("target", "{ \"value\": 100 }", "target.comparator", "is required")]
    [InlineData("target", "{ \"comparator\": \"<=\" }", "target.value", "a '<=' target needs a value")]
    [InlineData("target", "{ \"value\": 120, \"comparator\": \">=\" }", "target.value", "a percent value must be between 0 and 100")]
    [InlineData("target", "{ \"comparator\": \"yes\" }", "target.comparator", "a 'yes' target fits only an indicator with unit bool")]
    [InlineData("thresholds", "{ \"minSample\": 0 }", "thresholds.minSample", "must be at least 1")]
    [InlineData("thresholds", "{ \"persistYears\": 0 }", "thresholds.persistYears", "must be at least 1")]
    [InlineData("thresholds", "{ \"bottomShare\": 1.5 }", "thresholds.bottomShare", "greater than 0 and at most 1")]
    [InlineData("thresholds", "{ \"riskAt\": -5 }", "thresholds.riskAt", "between 0 and 100")]
    [InlineData("thresholds", "{ \"adverseChange\": -1 }", "thresholds.adverseChange", "must not be negative")]
    [InlineData("higherIsBetter", null, "higherIsBetter", "is required")]
    [InlineData("explicitness", "\"X\"", "explicitness", "unknown value; expected one of E, R, D")]
    [InlineData("sources", "[]", "sources", "at least one source reference")]
    [InlineData("sources", "[{ \"document\": \"002\" }]", "sources[0].section", "is required")]
    [InlineData("variables", "[\"vpr.mark.byStudent\"]", "variables", "a share indicator has no variables")]
    [InlineData("components", "[\"NOPE\"]", "components[0]", "unknown indicator code")]
    [InlineData("components", "[\"T-1\"]", "components[0]", "cannot refer to itself")]
    [InlineData("evidence", "[\"order\"]", "evidence", "used only by presence indicators")]
    [InlineData("dynamicsOf", "\"T-2\"", "dynamicsOf", "used only with a measure that counts positive dynamics")]
    public void A_broken_field_is_named_with_file_entry_and_problem(string property, string? json, string field, string problem)
    {
        var violation = Assert.Single(Violations(Changed(Indicator, property, json), JsonNode.Parse(Presence)!));

        Assert.Equal((FileName, "T-1", field), (violation.File, violation.Entry, violation.Field));
        Assert.Contains(problem, violation.Problem);
        Assert.StartsWith($"broken.json: T-1: {field} = ", violation.ToString());
    }

    [Theory]
    [InlineData("evidence", null, "evidence", "at least one evidence type is required")]
    [InlineData("evidence", "[\"letter\"]", "evidence[0]", "unknown evidence type")]
    [InlineData("numerator", "\"schools.count\"", "numerator", "a presence indicator has no numerator")]
    [InlineData("unit", "\"percent\"", "unit", "does not fit kind 'presence'; expected bool")]
    [InlineData("target", "{ \"value\": 1, \"comparator\": \"=\" }", "target.comparator", "takes only a 'yes' target")]
    [InlineData("target", "{ \"value\": 1, \"comparator\": \"yes\" }", "target.value", "a 'yes' target takes no value")]
    [InlineData("thresholds", "{ \"riskAt\": 1 }", "thresholds.riskAt", "unit bool has no risk value")]
    public void A_broken_presence_check_is_named(string property, string? json, string field, string problem)
    {
        var violation = Assert.Single(Violations(JsonNode.Parse(Indicator)!, Changed(Presence, property, json)));

        Assert.Equal((FileName, "T-2", field), (violation.File, violation.Entry, violation.Field));
        Assert.Contains(problem, violation.Problem);
    }

    [Fact]
    public void A_measure_that_counts_evidence_needs_the_evidence_types()
    {
        var entry = Changed(Indicator, "numerator", "\"schools.withEvidence.count\"");
        entry["denominator"] = "schools.count";

        var violation = Assert.Single(Violations(entry));

        Assert.Equal(("T-1", "evidence"), (violation.Entry, violation.Field));
        Assert.Equal("at least one evidence type is required", violation.Problem);
    }

    [Fact]
    public void A_count_of_positive_dynamics_needs_the_indicator_whose_dynamics_count()
    {
        var entry = Changed(Indicator, "numerator", "\"schools.positiveDynamics.count\"");
        entry["denominator"] = "schools.count";

        var missing = Assert.Single(Violations(entry));
        entry["dynamicsOf"] = "NOPE";
        var unknown = Assert.Single(Violations(entry));
        entry["dynamicsOf"] = "T-2";

        Assert.Equal("dynamicsOf", missing.Field);
        Assert.Contains("name the indicator whose dynamics count", missing.Problem);
        Assert.Equal(("dynamicsOf", "NOPE", "unknown indicator code"), (unknown.Field, unknown.Value, unknown.Problem));
        Assert.Empty(Violations(entry, JsonNode.Parse(Presence)!));
    }

    [Fact]
    public void A_correlation_needs_two_variables_of_per_student_values()
    {
        var entry = Changed(Indicator, "kind", "\"correlation\"");
        entry.Remove("numerator");
        entry.Remove("denominator");
        entry["unit"] = "coefficient";
        entry["variables"] = new JsonArray("vpr.mark.byStudent", "vpr.mark2.count");

        var violations = Violations(entry);

        Assert.Equal(
            ["broken.json: T-1: variables[1] = 'vpr.mark2.count': is a count measure; a correlation indicator needs a variable measure here"],
            violations.Select(v => v.ToString()));
        entry["variables"] = new JsonArray("vpr.mark.byStudent");
        Assert.Contains("needs at least two variables", Assert.Single(Violations(entry)).Problem);
    }

    [Fact]
    public void A_composite_needs_a_component()
    {
        var entry = Changed(Indicator, "kind", "\"composite\"");
        entry.Remove("numerator");
        entry.Remove("denominator");
        entry["unit"] = "score";

        var violation = Assert.Single(Violations(entry));

        Assert.Equal(("components", "a composite indicator needs at least one component indicator"), (violation.Field, violation.Problem));
    }

    [Fact]
    public void A_forbidden_rating_cannot_have_a_target()
    {
        var entry = Changed(Indicator, "negativeConsequence", "true");
        entry["target"] = JsonNode.Parse("{ \"value\": 5, \"comparator\": \"<=\" }");

        var violation = Assert.Single(Violations(entry));

        Assert.Equal(("T-1", "target", "<= 5"), (violation.Entry, violation.Field, violation.Value));
        Assert.Contains("negative consequences", violation.Problem);
    }

    [Fact]
    public void An_entry_without_a_code_is_named_by_its_position()
    {
        var violations = Violations(JsonNode.Parse(Presence)!, Changed(Indicator, "code", null));

        Assert.Equal(["broken.json: indicators[1]: code = '': is required"], violations.Select(v => v.ToString()));
    }

    [Fact]
    public void A_code_with_spaces_is_refused()
    {
        var violation = Assert.Single(Violations(Changed(Indicator, "code", "\"T-1 \"")));

        Assert.Equal(("T-1 ", "code", "has leading or trailing spaces"), (violation.Entry, violation.Field, violation.Problem));
    }
}
