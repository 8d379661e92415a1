using PdfSharp.Fonts;

namespace EduQuality.WebConsole.Reports;

/// <summary>
/// DejaVu Sans (regular and bold), shipped inside this assembly with its licence (Fonts/LICENSE-DejaVu.txt), so PDF
/// reports have Cyrillic glyphs on any machine, whatever fonts it has installed.
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName)
    {
        using var resource = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"EduQuality.WebConsole.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded in the console assembly.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
