namespace EduQuality.Domain.Tests.Catalog.Samples;

/// <summary>Two regional override documents, written the way a region would ship them (Catalog/Data/regions/*.json).</summary>
internal static class SampleProfiles
{
    public const string KrasnoyarskNorilskFile = "krasnoyarsk-norilsk.json";
    public const string SverdlovskFile = "sverdlovsk.json";

    /// <summary>
    /// Norilsk (Krasnoyarsk Krai, source 004): only the ШНОР/ШНСУ direction; the programme's 50% diagnostics target also
    /// applied per school; a stricter «2»-share signal; the regional indicator over municipalities switched off; and a
    /// local indicator from the road map (mentors assigned by order in September).
    /// </summary>
    public const string KrasnoyarskNorilsk = """
        {
          "profile": "krasnoyarsk-norilsk",
          "description": "Норильск: программа для школ целевой группы контроля, 2021–2024",
          "enabledDirections": ["R2"],
          "changes": [
            { "code": "ШНОР-T1", "target": { "value": 50, "comparator": ">=" } },
            { "code": "ШНОР-3", "thresholds": { "adverseChange": 5 } },
            { "code": "ШНОР-D1", "enabled": false }
          ],
          "indicators": [
            {
              "code": "NOR-L1", "direction": "R2",
              "nameRu": "Доля ШНОР и ШНСУ, в которых приказом закреплены педагоги-наставники",
              "nameEn": "Share of target schools where mentors are assigned by order",
              "kind": "share", "numerator": "schools.withEvidence.count", "denominator": "schools.count", "evidence": ["order"], "unit": "percent",
              "procedures": ["SiteCheck"], "systems": ["OfficialWebsites"],
              "levels": ["municipality"], "rollup": "schoolCount", "population": "targetSchools",
              "periodicity": { "frequency": "annual", "months": [9] },
              "target": { "value": 100, "comparator": ">=" },
              "higherIsBetter": true, "explicitness": "E",
              "sources": [{ "document": "004", "section": "Раздел 4 (дорожная карта), п. 4.1–4.2" }]
            }
          ]
        }
        """;

    /// <summary>
    /// Sverdlovsk Oblast (sources 000, 001, 003): only the student-training direction, plus the local direction of
    /// normative support that 001 opens its road map with, and a significance threshold for risk zones.
    /// </summary>
    public const string Sverdlovsk = """
        {
          "profile": "sverdlovsk",
          "enabledDirections": ["R1", "SVE-N0"],
          "directions": [
            {
              "code": "SVE-N0", "group": "local",
              "nameRu": "Нормативно-правовое обеспечение развития МСОКО и механизмов управления качеством образования",
              "nameEn": "Normative support of the municipal quality-assessment system",
              "sources": [{ "document": "001", "nameRu": "Нормативно-правовое обеспечение", "coverage": "full" }]
            }
          ],
          "indicators": [
            {
              "code": "SVE-N0-1", "direction": "SVE-N0",
              "nameRu": "Наличие Положения о МСОКО",
              "nameEn": "The regulation on the municipal quality-assessment system is adopted",
              "kind": "presence", "evidence": ["regulation"], "unit": "bool",
              "procedures": ["SiteCheck"], "systems": ["OfficialWebsites"],
              "levels": ["municipality"], "rollup": "schoolCount",
              "periodicity": { "frequency": "annual" },
              "target": { "comparator": "yes" },
              "higherIsBetter": true, "explicitness": "E",
              "sources": [{ "document": "001", "section": "Прил. 1 (дорожная карта), раздел 1" }]
            }
          ],
          "changes": [
            { "code": "R1-M1", "thresholds": { "significantDeviation": 10, "minSample": 20 } }
          ]
        }
        """;
}
