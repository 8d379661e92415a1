using System.Text.Json;
using System.Text.Json.Serialization;

namespace EduQuality.Domain.Reference;

/// <summary>Reads the reference tables shipped inside this assembly (Reference/*.json).</summary>
internal static class EmbeddedReference
{
    /// <summary>How reference tables are read: property names in any case, enums by name.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(string fileName)
    {
        var assembly = typeof(EmbeddedReference).Assembly;
        var resource = $"{assembly.GetName().Name}.Reference.{fileName}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Reference table {resource} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"Reference table {resource} is empty.");
    }
}
