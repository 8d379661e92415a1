using System.Text.Json;

namespace EduQuality.Domain.Catalog;

/// <summary>Parses catalogue and override documents; a document that is not valid JSON of the right shape is one violation.</summary>
internal static class CatalogReader
{
    public static T? Read<T>(Stream json, string file, List<CatalogViolation> problems)
        where T : class
    {
        try
        {
            var document = JsonSerializer.Deserialize<T>(json, CatalogResources.DocumentOptions);
            if (document is null)
            {
                problems.Add(new CatalogViolation(file, "(document)", "(json)", "null", "the document is empty"));
            }

            return document;
        }
        catch (JsonException ex)
        {
            problems.Add(new CatalogViolation(file, ex.Path ?? "(document)", "(json)", "", Describe(ex)));
            return null;
        }
    }

    private static string Describe(JsonException ex)
    {
        var where = $"not a valid catalogue document (line {ex.LineNumber + 1})";
        var isUnknownProperty = ex.Message.Contains("could not be mapped", StringComparison.Ordinal);
        return isUnknownProperty && ex.Path is { } path
            ? $"{where}: unknown property '{path[(path.LastIndexOf('.') + 1)..]}' (misspelt?)"
            : $"{where}: {ex.Message}";
    }

    public static IEnumerable<LocatedDirection> Locate(string file, List<DirectionEntry>? entries) =>
        (entries ?? []).Select((e, i) => new LocatedDirection(file, Label(e.Code, $"directions[{i}]"), e));

    public static IEnumerable<LocatedIndicator> Locate(string file, List<IndicatorEntry>? entries) =>
        (entries ?? []).Select((e, i) => new LocatedIndicator(file, Label(e.Code, $"indicators[{i}]"), e, file, file));

    private static string Label(string? code, string position) => string.IsNullOrWhiteSpace(code) ? position : code;
}
