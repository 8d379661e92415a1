using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace EduQuality.WebConsole.Tests.Infrastructure;

/// <summary>
/// Reads a PDF back with PdfPig: its text line by line (letters on one baseline from left to right, a space where two
/// pieces of text are apart, so a table row reads as its cells separated by spaces) and the letters drawn without a
/// glyph of their font (a missing glyph renders as an empty box or nothing).
/// </summary>
public static class PdfText
{
    private const double Gap = 1.5;

    public static (int Pages, string Text) Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            foreach (var line in page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key))
            {
                Letter? previous = null;
                foreach (var letter in line.OrderBy(l => l.StartBaseLine.X))
                {
                    if (previous is not null && letter.StartBaseLine.X - previous.EndBaseLine.X > Gap)
                    {
                        text.Append(' ');
                    }

                    text.Append(letter.Value);
                    previous = letter;
                }

                text.Append('\n');
            }
        }

        return (document.NumberOfPages, text.ToString());
    }

    /// <summary>Letters and digits drawn with an empty glyph outline: text a reader would not see.</summary>
    public static string Invisible(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Letters)
            .Where(l => l.Value.Any(char.IsLetterOrDigit) && (l.BoundingBox.Width <= 0 || l.BoundingBox.Height <= 0))
            .Select(l => l.Value));
    }
}
