using System.Text.Json;
using System.Text.Json.Serialization;

namespace EduQuality.Domain.Catalog;

/// <summary>Reads the catalogue files shipped inside this assembly (Catalog/Data/*.json).</summary>
internal static class CatalogResources
{
    public const string VocabularyFile = "vocabulary.json";

    /// <summary>
    /// How catalogue documents are read: property names in any case, comments allowed, and an unknown property is an
    /// error, so that a misspelt field is reported rather than silently ignored.
    /// </summary>
    public static JsonSerializerOptions DocumentOptions { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The vocabulary is typed directly: enums by camel-case name.</summary>
    public static JsonSerializerOptions VocabularyOptions { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static string Prefix => $"{typeof(CatalogResources).Assembly.GetName().Name}.Catalog.Data.";

    /// <summary>The shipped catalogue documents (every embedded Catalog/Data file but the vocabulary), by file name.</summary>
    public static IReadOnlyList<string> CatalogFiles() =>
        typeof(CatalogResources).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..])
            .Where(file => file != VocabularyFile)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static Stream Open(string fileName)
    {
        var resource = Prefix + fileName;
        return typeof(CatalogResources).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Catalogue file {resource} is not embedded.");
    }
}
