using System.Text.Json;

namespace EduQuality.Domain.Reference;

/// <summary>Reads the reference tables shipped inside this assembly (Reference/*.json).</summary>
internal static class EmbeddedReference
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

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
