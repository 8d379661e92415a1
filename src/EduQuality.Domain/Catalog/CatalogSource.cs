namespace EduQuality.Domain.Catalog;

/// <summary>A catalogue or override document to read: its name (used in every message about it) and its JSON.</summary>
public sealed record CatalogSource(string Name, Stream Json)
{
    /// <summary>A source over JSON text, for tests and for documents held in configuration.</summary>
    public static CatalogSource FromText(string name, string json) =>
        new(name, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
}
