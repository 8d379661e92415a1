namespace EduQuality.WebConsole.Reports;

/// <summary>
/// DejaVu Sans (regular and bold), shipped inside this assembly with its licence (Fonts/LICENSE-DejaVu.txt), so PDF
/// reports have Cyrillic glyphs on any machine, whatever fonts it has installed.
/// </summary>
public static class EmbeddedFonts
{
    public const string Regular = "DejaVuSans";
    public const string Bold = "DejaVuSans-Bold";

    /// <summary>The TrueType file of <paramref name="face"/> (<see cref="Regular"/> or <see cref="Bold"/>).</summary>
    public static byte[] Load(string face)
    {
        using var resource = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"EduQuality.WebConsole.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"Font {face} is not embedded in the console assembly.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
