using System.Globalization;
using System.Text;

namespace EduQuality.Cli.Import.Tables;

/// <summary>
/// A CSV file as Russian exports write them: UTF-8 (with or without BOM) or Windows-1251, fields separated by ';' or
/// ',' (whichever the header line uses more), quoted fields with doubled quotes, line breaks inside quotes.
/// </summary>
public sealed class CsvTable : SourceTable
{
    private readonly string _text;
    private readonly char _separator;
    private readonly List<string> _headers;

    static CsvTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public CsvTable(string path, byte[] content) : base(path, content)
    {
        _text = Decode(content, out var encoding);
        EncodingName = encoding;
        var firstLine = _text.AsSpan(0, Math.Max(0, _text.IndexOf('\n') is var n and >= 0 ? n : _text.Length));
        _separator = firstLine.Count(';') >= firstLine.Count(',') ? ';' : ',';
        var records = Records().GetEnumerator();
        if (!records.MoveNext())
        {
            throw new ImportException($"Файл {path} пуст: нет строки заголовков.");
        }

        HeaderLine = records.Current.Line;
        _headers = [.. records.Current.Cells.Select(h => h.Trim())];
    }

    /// <summary>"UTF-8" or "Windows-1251".</summary>
    public string EncodingName { get; }

    public override IReadOnlyList<string> Headers => _headers;

    public override int HeaderLine { get; }

    public override IEnumerable<SourceRow> Rows() => Records().Skip(1).Where(r => !r.IsBlank);

    public override string ColumnName(int column) =>
        string.Create(CultureInfo.InvariantCulture, $"{column + 1} «{Header(column)}»");

    private static string Decode(byte[] content, out string encoding)
    {
        var bom = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            encoding = "UTF-8";
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, bom, content.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            // Not valid UTF-8: the other encoding Russian exports use.
            encoding = "Windows-1251";
            return Encoding.GetEncoding(1251).GetString(content);
        }
    }

    /// <summary>Every record, including the header and blank ones, with the line it starts on.</summary>
    private IEnumerable<SourceRow> Records()
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1;
        var quoted = false;
        var anything = false;
        for (var i = 0; i < _text.Length; i++)
        {
            var c = _text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < _text.Length && _text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && cell.Length == 0)
            {
                quoted = true;
                anything = true;
            }
            else if (c == _separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                anything = true;
            }
            else if (c == '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                yield return new SourceRow(recordLine, [.. cells]);
                cells.Clear();
                cell.Clear();
                anything = false;
                recordLine = ++line;
            }
            else
            {
                cell.Append(c);
                anything = true;
            }
        }

        if (anything || cell.Length > 0)
        {
            cells.Add(cell.ToString().TrimEnd('\r'));
            yield return new SourceRow(recordLine, [.. cells]);
        }
    }
}
