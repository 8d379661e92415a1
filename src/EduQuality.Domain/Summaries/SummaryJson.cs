using System.Text.Json;

namespace EduQuality.Domain.Summaries;

/// <summary>The one JSON form of summaries: used for stored contributions, grain state and grain messages.</summary>
public static class SummaryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Serialize(SummarySet set) => JsonSerializer.Serialize(set, Options);

    public static SummarySet Deserialize(string json) =>
        JsonSerializer.Deserialize<SummarySet>(json, Options) ?? throw new JsonException("Empty summary payload.");
}
