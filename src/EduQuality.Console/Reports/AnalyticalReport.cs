using EduQuality.WebConsole.Data;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace EduQuality.WebConsole.Reports;

/// <summary>
/// «Аналитическая справка» for an organisation × direction × period as PDF (A4 landscape), written with PdfPig
/// (Apache-2.0, docs/adr/0030-pdf-reports-with-pdfpig.md): the results of the direction «Оценка качества подготовки
/// обучающихся» (R1) for an academic year, each table as the console shows it.
/// </summary>
public sealed class AnalyticalReport
{
    public const string ContentType = "application/pdf";
    public const string Title = "Аналитическая справка";
    public const string Direction = "Оценка качества подготовки обучающихся (R1)";

    private const double Margin = 36;
    private const double RowHeight = 14;
    private const double TextSize = 8;
    private const int NarrowestColumn = 6;
    private const int WidestColumn = 60;

    private readonly PdfDocumentBuilder _document = new();
    private readonly PdfFace _regular;
    private readonly PdfFace _bold;
    private PdfPageBuilder? _page;

    /// <summary>Distance of the next line's top from the page's top edge (PDF measures upwards from the bottom).</summary>
    private double _y;

    private AnalyticalReport()
    {
        _regular = new PdfFace(_document, EmbeddedFonts.Load(EmbeddedFonts.Regular));
        _bold = new PdfFace(_document, EmbeddedFonts.Load(EmbeddedFonts.Bold));
    }

    /// <summary>The report: a title block, then every table in order, each starting with its title.</summary>
    public static byte[] Write(string organization, int year, IEnumerable<ReportTable> tables)
    {
        var report = new AnalyticalReport();
        report._document.DocumentInformation.Title = $"{Title}: {organization}, {Labels.Year(year)}";
        report._document.DocumentInformation.Subject = Direction;
        report.NewPage();
        report.Line(Title, report._bold, 16, 24);
        report.Line($"Организация: {organization}", report._bold, 12, 18);
        report.Line($"Направление: {Direction}", report._regular, TextSize, 14);
        report.Line($"Период: {Labels.Year(year)} учебный год; сформирована {DateTime.UtcNow.ToString("dd.MM.yyyy HH:mm", Labels.Russian)} (UTC)", report._regular, TextSize, 22);
        foreach (var table in tables)
        {
            report.Table(table);
        }

        return report._document.Build();
    }

    private PdfPageBuilder Page => _page ?? throw new InvalidOperationException("No page.");

    private double PageHeight => Page.PageSize.Height;

    private double Width => Page.PageSize.Width - (2 * Margin);

    private void NewPage()
    {
        _page = _document.AddPage(PageSize.A4, isPortrait: false);
        _y = Margin;
    }

    private void Line(string text, PdfFace face, double size, double height)
    {
        Text(text, face, size, Margin, _y);
        _y += height;
    }

    /// <summary>Writes <paramref name="text"/> with its top-left corner <paramref name="top"/> points below the page's top.</summary>
    private void Text(string text, PdfFace face, double size, double x, double top)
    {
        if (text.Length > 0)
        {
            Page.AddText(text, size, new PdfPoint(x, PageHeight - top - size), face.For(text));
        }
    }

    private double TextWidth(string text, PdfFace face, double size)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var letters = Page.MeasureText(text, size, PdfPoint.Origin, face.For(text));
        return letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    private void Table(ReportTable table)
    {
        EnsureRoom(RowHeight * 5);
        _y += 6;
        Line(table.Title, _bold, 12, 20);
        var widths = ColumnWidths(table);
        Header(table, widths);
        for (var index = 0; index < table.Rows.Count; index++)
        {
            if (EnsureRoom(RowHeight))
            {
                Header(table, widths);
            }

            var row = table.Rows[index];
            Row(row.Select((value, column) => table.Text(column, value)).ToList(), widths, shaded: index % 2 == 1);
        }

        if (table.Rows.Count == 0)
        {
            Line("Нет данных.", _regular, TextSize, RowHeight);
        }

        _y += 8;
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; true when it did.</summary>
    private bool EnsureRoom(double height)
    {
        if (_y + height <= PageHeight - Margin)
        {
            return false;
        }

        NewPage();
        return true;
    }

    /// <summary>
    /// Widths in proportion to each column's longest text (cells and the longest word of the header), between
    /// <see cref="NarrowestColumn"/> and <see cref="WidestColumn"/> characters, so names and reasons get the room
    /// numbers do not need; what still does not fit is shortened with «…».
    /// </summary>
    private double[] ColumnWidths(ReportTable table)
    {
        var weights = table.Columns.Select((column, index) => (double)Math.Clamp(
            table.Rows.Select(row => table.Text(index, row[index]).Length)
                .Append(column.Header.Split(' ').Max(word => word.Length)).Max(),
            NarrowestColumn, WidestColumn)).ToArray();
        return weights.Select(w => Width * w / weights.Sum()).ToArray();
    }

    /// <summary>Column headers on a shaded band two lines high, wrapped within their columns at word boundaries.</summary>
    private void Header(ReportTable table, double[] widths)
    {
        const double height = 2 * RowHeight;
        Band(height, 240, 248, 255);
        var x = Margin;
        for (var column = 0; column < table.Columns.Count; column++)
        {
            var lines = Wrap(table.Columns[column].Header, _bold, widths[column] - 4, maxLines: 2);
            for (var line = 0; line < lines.Count; line++)
            {
                Cell(lines[line], _bold, x, widths[column], _y + 2 + (line * (TextSize + 2)), alignLeft: column == 0);
            }

            x += widths[column];
        }

        Rule(_y + height);
        _y += height;
    }

    private void Row(IReadOnlyList<string> cells, double[] widths, bool shaded)
    {
        if (shaded)
        {
            Band(RowHeight, 245, 245, 245);
        }

        var x = Margin;
        for (var column = 0; column < cells.Count; column++)
        {
            Cell(Fit(cells[column], _regular, widths[column] - 4), _regular, x, widths[column], _y + 3, alignLeft: column == 0);
            x += widths[column];
        }

        Rule(_y + RowHeight);
        _y += RowHeight;
    }

    private void Cell(string text, PdfFace face, double left, double width, double top, bool alignLeft) =>
        Text(text, face, TextSize, alignLeft ? left + 2 : left + width - 2 - TextWidth(text, face, TextSize), top);

    /// <summary>A filled band across the table from <see cref="_y"/> down by <paramref name="height"/>.</summary>
    private void Band(double height, byte red, byte green, byte blue)
    {
        Page.SetTextAndFillColor(red, green, blue);
        Page.SetStrokeColor(red, green, blue);
        Page.DrawRectangle(new PdfPoint(Margin, PageHeight - _y - height), Width, height, 0, fill: true);
        Page.ResetColor();
    }

    private void Rule(double top)
    {
        Page.SetStrokeColor(211, 211, 211);
        Page.DrawLine(new PdfPoint(Margin, PageHeight - top), new PdfPoint(Margin + Width, PageHeight - top), 0.5);
        Page.ResetColor();
    }

    /// <summary>Words of <paramref name="text"/> in lines no wider than <paramref name="width"/>; the last line shortened to fit.</summary>
    private List<string> Wrap(string text, PdfFace face, double width, int maxLines)
    {
        var lines = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines.Count > 0 && TextWidth($"{lines[^1]} {word}", face, TextSize) <= width)
            {
                lines[^1] = $"{lines[^1]} {word}";
            }
            else
            {
                lines.Add(word);
            }
        }

        if (lines.Count > maxLines)
        {
            lines = [.. lines.Take(maxLines - 1), string.Join(' ', lines.Skip(maxLines - 1))];
        }

        return lines.Select(line => Fit(line, face, width)).ToList();
    }

    /// <summary>Shortens text to fit the cell, ending with an ellipsis.</summary>
    private string Fit(string text, PdfFace face, double width)
    {
        if (TextWidth(text, face, TextSize) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && TextWidth(text[..length] + "…", face, TextSize) > width)
        {
            length--;
        }

        return text[..length] + "…";
    }
}
