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
        using var stream = Open(fileName);
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"Reference table {fileName} is empty.");
    }

    public static Stream Open(string fileName)
    {
        var assembly = typeof(EmbeddedReference).Assembly;
        var resource = $"{assembly.GetName().Name}.Reference.{fileName}";
        return assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Reference table {resource} is not embedded.");
    }
}
