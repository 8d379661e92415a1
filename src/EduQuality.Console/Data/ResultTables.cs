using EduQuality.Api.V1;

namespace EduQuality.WebConsole.Data;

/// <summary>The console's result tables, built once for the page, the XLSX/CSV exports and the PDF report alike.</summary>
public static class ResultTables
{
    private static readonly TableColumn[] SummaryColumns =
    [
        new("Участники", "N0"),
        new("Средний балл", "N1"),
        new("Средняя отметка", "N2"),
        new("Доля «2»", "P1"),
        new("Ниже минимума", "N0"),
        new("Высокобалльники", "N0"),
        new("«2»", "N0"),
        new("«3»", "N0"),
        new("«4»", "N0"),
        new("«5»", "N0"),
    ];

    /// <summary>Every procedure, subject and grade of an organisation in a year.</summary>
    public static ReportTable Summaries(Organization organization, int year, IEnumerable<SliceSummary> summaries) => new(
        "summaries",
        $"Результаты по процедурам: {organization.Name}, {Labels.Year(year)} уч. г.",
        [new("Процедура"), new("Предмет"), new("Класс", "N0"), .. SummaryColumns],
        summaries.Select(s => (IReadOnlyList<object>)
            [Labels.Procedure(s.Slice.Procedure), Labels.Subject(s.Slice.Subject), (long)s.Slice.Grade, .. SummaryCells(s.Summary)]).ToList());

    /// <summary>The parent (when the user may see it), the organisation, then its children, side by side.</summary>
    public static ReportTable Comparison(SliceData data)
    {
        var rows = new List<IReadOnlyList<object>>();
        if (data.Parent is { } parent && data.ParentSummary is { } parentSummary)
        {
            rows.Add([parent.Name, parent.Code, .. SummaryCells(parentSummary.Summary)]);
        }

        rows.Add([data.Organization.Name, data.Organization.Code, .. SummaryCells(data.Own.Summary)]);
        rows.AddRange(data.Children.Select(c => (IReadOnlyList<object>)[c.Child.Name, c.Child.Code, .. SummaryCells(c.Summary.Summary)]));
        return new("comparison", $"Сравнение: {Labels.Slice(data.Slice)}, {Labels.Year(data.Slice.Year)} уч. г.",
            [new("Организация"), new("Код"), .. SummaryColumns], rows);
    }

    /// <summary>Three years of the organisation, oldest first.</summary>
    public static ReportTable Series(SliceData data) => new(
        "series",
        $"Динамика за три года: {Labels.Slice(data.Slice)}",
        [new("Учебный год"), .. SummaryColumns],
        data.Series.Select(p => (IReadOnlyList<object>)[Labels.Year(p.Slice.Year), .. SummaryCells(p.Summary)]).ToList());

    /// <summary>Distribution of marks, the organisation's and its parent's shares.</summary>
    public static ReportTable Marks(SliceData data)
    {
        var own = data.Own.Summary;
        var ownTotal = Math.Max(1, own.MarkCounts.Sum());
        var parent = data.ParentSummary?.Summary;
        var parentTotal = Math.Max(1, parent?.MarkCounts.Sum() ?? 0);
        return new("marks", $"Распределение отметок: {Labels.Slice(data.Slice)}",
            [new("Отметка"), new("Участники", "N0"), new("Доля", "P1"), new("Доля на вышестоящем уровне", "P1")],
            Enumerable.Range(0, 4).Select(i => (IReadOnlyList<object>)
            [
                Labels.Mark(i),
                Count(own, i),
                (double)Count(own, i) / ownTotal,
                parent is null ? double.NaN : (double)Count(parent, i) / parentTotal,
            ]).ToList());
    }

    /// <summary>Success per task (выполнение заданий).</summary>
    public static ReportTable Tasks(SliceData data) => new(
        "tasks",
        $"Выполнение заданий: {Labels.Slice(data.Slice)}",
        [new("Задание", "N0"), new("Участники", "N0"), new("Баллы", "N0"), new("Максимум", "N0"), new("Выполнение", "P1")],
        data.Own.Summary.Tasks.Select(t => (IReadOnlyList<object>)[(long)t.Task, t.Participants, t.Points, t.MaxPoints, t.Success]).ToList());

    /// <summary>Participants per score.</summary>
    public static ReportTable Histogram(SliceData data) => new(
        "histogram",
        $"Распределение баллов: {Labels.Slice(data.Slice)}",
        [new("Балл", "N0"), new("Участники", "N0")],
        data.Own.Summary.Histogram.OrderBy(h => h.Key).Select(h => (IReadOnlyList<object>)[(long)h.Key, h.Value]).ToList());

    /// <summary>The slice table named in an export address, or null for an unknown name.</summary>
    public static ReportTable? ByName(string name, SliceData data) => name switch
    {
        "comparison" => Comparison(data),
        "series" => Series(data),
        "marks" => Marks(data),
        "tasks" => Tasks(data),
        "histogram" => Histogram(data),
        _ => null,
    };

    private static object[] SummaryCells(Summary s) =>
    [
        s.Participants, s.MeanScore, s.MeanMark, s.ShareMark2, s.BelowMinimum, s.HighScorers,
        Count(s, 0), Count(s, 1), Count(s, 2), Count(s, 3),
    ];

    private static long Count(Summary s, int markIndex) => markIndex < s.MarkCounts.Count ? s.MarkCounts[markIndex] : 0;
}
