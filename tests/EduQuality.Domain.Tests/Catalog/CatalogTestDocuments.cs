using System.Text.Json.Nodes;
using EduQuality.Domain.Catalog;

namespace EduQuality.Domain.Tests.Catalog;

/// <summary>Small self-contained catalogue documents for rule tests: one direction and one valid indicator to break.</summary>
internal static class CatalogTestDocuments
{
    public const string FileName = "broken.json";

    public const string Direction = """
        { "code": "R1", "group": "results", "nameRu": "Система оценки качества подготовки обучающихся", "nameEn": "Assessment of training",
          "sources": [{ "document": "000", "nameRu": "Система оценки качества подготовки обучающихся", "coverage": "full" }] }
        """;

    /// <summary>A valid share: the ВПР «2» share of participants.</summary>
    public const string Indicator = """
        { "code": "T-1", "direction": "R1", "nameRu": "Доля участников ВПР с отметкой «2»", "nameEn": "Share of ВПР «2»",
          "kind": "share", "numerator": "vpr.mark2.count", "denominator": "vpr.participants.count", "unit": "percent",
          "procedures": ["Vpr"], "systems": ["FisOko"], "levels": ["school"], "rollup": "pooled",
          "periodicity": { "frequency": "annual" }, "higherIsBetter": false, "negativeConsequence": false, "explicitness": "D",
          "sources": [{ "document": "002", "section": "Прил. 3" }] }
        """;

    /// <summary>A valid presence check: an order is published.</summary>
    public const string Presence = """
        { "code": "T-2", "direction": "R1", "nameRu": "Наличие приказа", "nameEn": "An order exists",
          "kind": "presence", "evidence": ["order"], "unit": "bool",
          "procedures": ["SiteCheck"], "systems": ["OfficialWebsites"], "levels": ["municipality"], "rollup": "none",
          "periodicity": { "frequency": "annual" }, "higherIsBetter": true, "explicitness": "E",
          "sources": [{ "document": "001", "section": "Прил. 3, п. 2.2" }] }
        """;

    /// <summary>The baseline indicator with one property replaced by a JSON value, or removed when the value is null.</summary>
    public static JsonObject Changed(string indicator, string property, string? json)
    {
        var entry = JsonNode.Parse(indicator)!.AsObject();
        entry.Remove(property);
        if (json is not null)
        {
            entry[property] = JsonNode.Parse(json);
        }

        return entry;
    }

    public static string Document(params JsonNode[] indicators) =>
        new JsonObject
        {
            ["directions"] = new JsonArray(JsonNode.Parse(Direction)),
            ["indicators"] = new JsonArray([.. indicators.Select(i => i.DeepClone())]),
        }.ToJsonString();

    public static IndicatorCatalog Load(string json, string file = FileName) =>
        IndicatorCatalog.Load([CatalogSource.FromText(file, json)]);

    public static IReadOnlyList<CatalogViolation> Violations(params JsonNode[] indicators) => Load(Document(indicators)).Validate();
}
