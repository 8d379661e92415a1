using EduQuality.WebConsole.Data;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace EduQuality.WebConsole.Reports;

/// <summary>
/// «Аналитическая справка» for an organisation × direction × period as PDF (A4 landscape): the results of the
/// direction «Оценка качества подготовки обучающихся» (R1) for an academic year, each table as the console shows it.
/// Sections on objectivity, ШНОР/ШНСУ and the management cycle join when those services exist.
/// </summary>
public sealed class AnalyticalReport
{
    public const string ContentType = "application/pdf";
    public const string Title = "Аналитическая справка";
    public const string Direction = "Оценка качества подготовки обучающихся (R1)";

    private const double Margin = 36;
    private const double RowHeight = 14;
    private const double FirstColumnShare = 0.24;

    private readonly PdfDocument _document = new();
    private readonly XFont _text = new(EmbeddedFonts.Family, 8);
    private readonly XFont _bold = new(EmbeddedFonts.Family, 8, XFontStyleEx.Bold);
    private readonly XFont _heading = new(EmbeddedFonts.Family, 12, XFontStyleEx.Bold);
    private XGraphics? _page;
    private double _y;

    private AnalyticalReport()
    {
    }

    /// <summary>The report: a title block, then every table in order, each starting with its title.</summary>
    public static byte[] Write(string organization, int year, IEnumerable<ReportTable> tables)
    {
        PdfLibrary.Prepare();
        var report = new AnalyticalReport();
        report._document.Info.Title = $"{Title}: {organization}, {Labels.Year(year)}";
        report._document.Info.Subject = Direction;
        report.NewPage();
        report.Line($"{Title}", new XFont(EmbeddedFonts.Family, 16, XFontStyleEx.Bold), 24);
        report.Line($"Организация: {organization}", report._heading, 18);
        report.Line($"Направление: {Direction}", report._text, 14);
        report.Line($"Период: {Labels.Year(year)} учебный год; сформирована {DateTime.UtcNow.ToString("dd.MM.yyyy HH:mm", Labels.Russian)} (UTC)", report._text, 22);
        foreach (var table in tables)
        {
            report.Table(table);
        }

        report.Page.Dispose();
        using var stream = new MemoryStream();
        report._document.Save(stream);
        return stream.ToArray();
    }

    private double Width => _document.Pages[^1].Width.Point - (2 * Margin);

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        _page = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private XGraphics Page => _page ?? throw new InvalidOperationException("No page.");

    private void Line(string text, XFont font, double height)
    {
        Page.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
        _y += height;
    }

    private void Table(ReportTable table)
    {
        EnsureRoom(RowHeight * 5);
        _y += 6;
        Line(table.Title, _heading, 20);
        var widths = ColumnWidths(table);
        Header(table, widths);
        for (var index = 0; index < table.Rows.Count; index++)
        {
            if (EnsureRoom(RowHeight))
            {
                Header(table, widths);
            }

            var row = table.Rows[index];
            Row(row.Select((value, column) => table.Text(column, value)).ToList(), widths, index % 2 == 0 ? null : XBrushes.WhiteSmoke);
        }

        if (table.Rows.Count == 0)
        {
            Line("Нет данных.", _text, RowHeight);
        }

        _y += 8;
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; true when it did.</summary>
    private bool EnsureRoom(double height)
    {
        if (_y + height <= _document.Pages[^1].Height.Point - Margin)
        {
            return false;
        }

        NewPage();
        return true;
    }

    private double[] ColumnWidths(ReportTable table)
    {
        var first = table.Columns.Count > 3 ? Width * FirstColumnShare : Width / table.Columns.Count;
        var rest = table.Columns.Count > 1 ? (Width - first) / (table.Columns.Count - 1) : 0;
        return [first, .. Enumerable.Repeat(rest, table.Columns.Count - 1)];
    }

    /// <summary>Column headers on a shaded band two lines high, wrapped within their columns.</summary>
    private void Header(ReportTable table, double[] widths)
    {
        const double height = 2 * RowHeight;
        Page.DrawRectangle(XBrushes.AliceBlue, Margin, _y, Width, height);
        var formatter = new XTextFormatter(Page);
        var x = Margin;
        for (var column = 0; column < table.Columns.Count; column++)
        {
            formatter.Alignment = column == 0 ? XParagraphAlignment.Left : XParagraphAlignment.Right;
            formatter.DrawString(table.Columns[column].Header, _bold, XBrushes.Black, new XRect(x + 2, _y + 2, widths[column] - 4, height - 2), XStringFormats.TopLeft);
            x += widths[column];
        }

        Page.DrawLine(XPens.LightGray, Margin, _y + height, Margin + Width, _y + height);
        _y += height;
    }

    private void Row(IReadOnlyList<string> cells, double[] widths, XBrush? background)
    {
        var x = Margin;
        if (background is not null)
        {
            Page.DrawRectangle(background, Margin, _y, Width, RowHeight);
        }

        for (var column = 0; column < cells.Count; column++)
        {
            var box = new XRect(x + 2, _y + 2, widths[column] - 4, RowHeight - 2);
            Page.DrawString(Fit(cells[column], _text, box.Width), _text, XBrushes.Black, box, column == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
            x += widths[column];
        }

        Page.DrawLine(XPens.LightGray, Margin, _y + RowHeight, Margin + Width, _y + RowHeight);
        _y += RowHeight;
    }

    /// <summary>Shortens text to fit the cell, ending with an ellipsis.</summary>
    private string Fit(string text, XFont font, double width)
    {
        if (Page.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && Page.MeasureString(text[..length] + "…", font).Width > width)
        {
            length--;
        }

        return text[..length] + "…";
    }
}
