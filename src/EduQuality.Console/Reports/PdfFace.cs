using UglyToad.PdfPig.Writer;

namespace EduQuality.WebConsole.Reports;

/// <summary>
/// One typeface in one PDF document being written. PdfPig writes a TrueType font as a simple font with one-byte codes,
/// at most 255 distinct characters per font object, and throws beyond that; a face adds another copy of the font to the
/// document when a text would overflow the copies it has, so any text the font has glyphs for can be written.
/// </summary>
public sealed class PdfFace(PdfDocumentBuilder document, byte[] font)
{
    private const int CharactersPerFont = 255;
    private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Characters)> _copies = [];

    /// <summary>A copy of the font that can show every character of <paramref name="text"/>.</summary>
    public PdfDocumentBuilder.AddedFont For(string text)
    {
        var needed = text.ToHashSet();
        foreach (var (added, characters) in _copies)
        {
            if (characters.Count + needed.Count(c => !characters.Contains(c)) <= CharactersPerFont)
            {
                characters.UnionWith(needed);
                return added;
            }
        }

        var copy = document.AddTrueTypeFont(font);
        _copies.Add((copy, needed));
        return copy;
    }
}
