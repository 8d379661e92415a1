namespace EduQuality.Domain.Catalog;

/// <summary>Checks one direction entry.</summary>
internal static class DirectionRules
{
    public static void Check(DirectionEntry entry, ViolationCollector report)
    {
        report.Required("code", entry.Code);
        report.Known("group", entry.Group, CatalogTerms.Groups);
        NameRules.Russian(report, "nameRu", entry.NameRu);
        report.Required("nameEn", entry.NameEn);

        if (entry.Sources is not { Count: > 0 })
        {
            report.Add("sources", null, "at least one source document is required");
            return;
        }

        for (var i = 0; i < entry.Sources.Count; i++)
        {
            var source = entry.Sources[i];
            report.Required($"sources[{i}].document", source.Document);
            NameRules.Russian(report, $"sources[{i}].nameRu", source.NameRu);
            report.Known($"sources[{i}].coverage", source.Coverage, CatalogTerms.Coverages);
        }
    }
}
