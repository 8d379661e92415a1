using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace EduQuality.WebConsole.Tests.Infrastructure;

/// <summary>
/// Reads the text of a PDF: the codes of every text-showing operator, two bytes each translated through the font's
/// ToUnicode map for embedded Unicode (Identity-H) fonts, one byte each for simple (WinAnsi) fonts, which PDFsharp uses
/// for text that needs nothing beyond ANSI. Enough to check what a report says.
/// </summary>
public static partial class PdfText
{
    public static (int Pages, string Text) Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var fonts = page.Resources.Elements.GetDictionary("/Font") ?? new PdfDictionary();
            var maps = fonts.Elements.Keys.ToDictionary(name => name, name => UnicodeMap(fonts.Elements.GetDictionary(name)!));
            Dictionary<int, string>? current = null;
            Walk(ContentReader.ReadContent(page), maps, ref current, text);
            text.Append('\n');
        }

        return (document.PageCount, text.ToString());
    }

    private static void Walk(CSequence sequence, Dictionary<string, Dictionary<int, string>?> maps, ref Dictionary<int, string>? current, StringBuilder text)
    {
        foreach (var item in sequence)
        {
            if (item is COperator { OpCode.Name: "Tf" } font && font.Operands[0] is CName name)
            {
                current = maps.GetValueOrDefault(name.Name);
            }
            else if (item is COperator { OpCode.Name: "Tj" or "TJ" or "'" or "\"" } show)
            {
                foreach (var operand in Strings(show.Operands))
                {
                    if (current is null)
                    {
                        text.Append(operand);
                        continue;
                    }

                    for (var i = 0; i + 1 < operand.Length; i += 2)
                    {
                        text.Append(current.GetValueOrDefault((operand[i] << 8) | operand[i + 1], "?"));
                    }
                }

                text.Append(' ');
            }
            else if (item is CSequence inner)
            {
                Walk(inner, maps, ref current, text);
            }
        }
    }

    private static IEnumerable<string> Strings(CSequence operands) =>
        operands.SelectMany(o => o switch
        {
            CString s => [s.Value],
            CArray array => array.OfType<CString>().Select(s => s.Value),
            _ => Array.Empty<string>(),
        });

    /// <summary>Glyph code → text from the font's ToUnicode CMap (bfchar and bfrange entries); null for a simple font.</summary>
    private static Dictionary<int, string>? UnicodeMap(PdfDictionary font)
    {
        if (font.Elements.GetName("/Encoding") != "/Identity-H" || font.Elements.GetDictionary("/ToUnicode") is not { Stream: { } stream })
        {
            return null;
        }

        var map = new Dictionary<int, string>();
        var cmap = Encoding.ASCII.GetString(stream.UnfilteredValue);
        foreach (Match range in Section("bfrange").Matches(cmap).SelectMany(m => RangeEntry().Matches(m.Groups[1].Value)))
        {
            int first = Hex(range.Groups[1].Value), last = Hex(range.Groups[2].Value), target = Hex(range.Groups[3].Value);
            for (var code = first; code <= last; code++)
            {
                map[code] = char.ConvertFromUtf32(target + code - first);
            }
        }

        foreach (Match single in Section("bfchar").Matches(cmap).SelectMany(m => CharEntry().Matches(m.Groups[1].Value)))
        {
            map[Hex(single.Groups[1].Value)] = char.ConvertFromUtf32(Hex(single.Groups[2].Value));
        }

        return map;
    }

    private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex RangeEntry();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex CharEntry();

    private static Regex Section(string name) => new($"begin{name}(.*?)end{name}", RegexOptions.Singleline);
}
