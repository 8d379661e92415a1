using System.Globalization;
using EduQuality.Api.V1;

namespace EduQuality.WebConsole.Data;

/// <summary>
/// The tables of the analysis page (and of its downloads and the PDF report): schools with signs of biased results,
/// the ШНОР and ШНСУ lists with their reasons, membership history and list dynamics, indicators against targets and
/// references, address recommendations with the figures behind them.
/// </summary>
public static class AnalysisTables
{
    public static readonly IReadOnlyList<string> Names = ["objectivity", "shnor", "shnsu", "list-history", "list-dynamics", "indicators", "recommendations"];

    public static ReportTable? ByName(string name, AnalysisData data) => name switch
    {
        "objectivity" => Objectivity(data),
        "shnor" => Shnor(data),
        "shnsu" => Shnsu(data),
        "list-history" => ListHistory(data),
        "list-dynamics" => ListDynamics(data),
        "indicators" => Indicators(data),
        "recommendations" => Recommendations(data),
        _ => null,
    };

    /// <summary>Every school analysed, riskiest first; «да» where the school is on the list of biased results.</summary>
    public static ReportTable Objectivity(AnalysisData data) => new(
        "objectivity", $"Признаки необъективности результатов: {Of(data)}",
        [new("Школа"), new("Муниципалитет"), new("Балл риска", "N2"), new("В списке"), new("Причины")],
        data.Objectivity.Risks.OrderByDescending(r => r.Score).ThenBy(r => r.SchoolCode, StringComparer.Ordinal)
            .Select(r => Row(r.SchoolCode, r.MunicipalityCode, r.Score, r.Flagged ? "да" : "нет", Sentences(r.Signs.Select(s => s.ExplanationRu))))
            .ToList());

    public static ReportTable Shnor(AnalysisData data) =>
        Listed("shnor", $"ШНОР — школы с низкими результатами обучения: {Of(data)}", data.LowResults.Shnor);

    public static ReportTable Shnsu(AnalysisData data) =>
        Listed("shnsu", $"ШНСУ — школы, функционирующие в неблагоприятных социальных условиях: {Of(data)}", data.LowResults.Shnsu);

    /// <summary>Each listed school's years: in which list, how it got there, its integral result and its change.</summary>
    public static ReportTable ListHistory(AnalysisData data) => new(
        "list-history", $"История включения в списки ШНОР и ШНСУ: {Of(data)}",
        [new("Школа"), new("Учебный год"), new("ШНОР"), new("ШНСУ"), new("Интегральный показатель", "N3"), new("Изменение", "N3"), new("Динамика результатов")],
        data.LowResults.Histories.OrderBy(h => h.SchoolCode, StringComparer.Ordinal)
            .SelectMany(h => h.Years.OrderBy(y => y.Year).Select(y => Row(
                h.SchoolCode, Labels.Year(y.Year), Transition(y.InShnor, y.ShnorTransition), Transition(y.InShnsu, y.ShnsuTransition),
                y.HasIntegral ? y.Integral : double.NaN, y.HasIntegralChange ? y.IntegralChange : double.NaN, Dynamics(y.Dynamics))))
            .ToList());

    /// <summary>How the lists changed from one year to the next.</summary>
    public static ReportTable ListDynamics(AnalysisData data) => new(
        "list-dynamics", $"Динамика списков: {Of(data)}",
        [new("Список"), new("Годы"), new("Вошли"), new("Вышли"), new("Остались"), new("Доля с положительной динамикой", "P1"), new("Доля с отрицательной динамикой", "P1")],
        data.LowResults.Dynamics.Select(m => Row(
            List(m.List), $"{Labels.Year(m.FromYear)} → {Labels.Year(m.ToYear)}", Codes(m.Entered), Codes(m.Left), Codes(m.Stayed), m.PositiveShare, m.NegativeShare)).ToList());

    /// <summary>Indicators with a value: against their target, the parent, the regional reference, over three years.</summary>
    public static ReportTable Indicators(AnalysisData data)
    {
        var years = new[] { data.Year - 2, data.Year - 1, data.Year };
        return new(
            "indicators", $"Показатели: {Of(data)}",
            [
                new("Код"), new("Показатель"), new("Значение", "N2"), new("Цель"), new("Цель достигнута"), new("Разница с вышестоящим", "N2"),
                new("Разница с региональным", "N2"), .. years.Select(y => new TableColumn(Labels.Year(y), "N2")), new("Динамика"),
            ],
            data.Indicators.Where(i => i.HasValue).Select(i => Row(
                [
                    i.Code, i.NameRu, i.Value, i.Target.Length > 0 ? i.Target : "—", i.HasTargetMet ? (i.TargetMet ? "да" : "нет") : "—",
                    i.HasDifferenceFromParent ? i.DifferenceFromParent : double.NaN, i.HasDifferenceFromRegional ? i.DifferenceFromRegional : double.NaN,
                    .. years.Select(y => (object)(i.Series.FirstOrDefault(p => p.Year == y) is { HasValue: true } point ? point.Value : double.NaN)),
                    Dynamics(i.Dynamics),
                ])).ToList());
    }

    /// <summary>Address recommendations and the figures that triggered them (value against reference).</summary>
    public static ReportTable Recommendations(AnalysisData data) => new(
        "recommendations", $"Адресные рекомендации: {Of(data)}",
        [new("Адресат"), new("Организация"), new("Предмет"), new("Класс"), new("Рекомендация"), new("Основание")],
        data.Recommendations.Select(r => Row(
            Addressee(r.Addressee), r.OrganizationCode, r.Subject.Length > 0 ? Labels.Subject(r.Subject) : "—", r.Grade > 0 ? r.Grade.ToString(CultureInfo.InvariantCulture) : "—", r.TextRu,
            string.Join("; ", r.Trace.Select(Trace)))).ToList());

    /// <summary>The league table of the analytical view (not exported: a ranking is not a management tool).</summary>
    public static ReportTable Ranking(AnalysisData data, string subject, int grade, RankingResponse ranking) => new(
        "ranking", $"Рейтинг школ по средней отметке ВПР (аналитическое представление): {Labels.Subject(subject)}, {Labels.Grade(grade)}, {Of(data)}",
        [new("Место", "N0"), new("Школа"), new("Средняя отметка", "N2"), new("Участники", "N0")],
        ranking.Schools.Select(s => Row((long)s.Rank, s.SchoolCode, s.Value, s.Participants)).ToList());

    private static ReportTable Listed(string name, string title, IEnumerable<ListedSchoolView> schools) => new(
        name, title, [new("Школа"), new("Муниципалитет"), new("Причины")],
        schools.Select(s => Row(s.SchoolCode, s.MunicipalityCode, Sentences(s.Reasons.Select(r => r.TextRu)))).ToList());

    private static string Of(AnalysisData data) => $"{data.Organization.Name}, {Labels.Year(data.Year)} уч. г.";

    private static IReadOnlyList<object> Row(params object[] cells) => cells;

    /// <summary>Explanations, each a sentence, one after another (a full stop added where one is missing).</summary>
    private static string Sentences(IEnumerable<string> texts) =>
        string.Join(" ", texts.Select(t => t.TrimEnd()).Where(t => t.Length > 0).Select(t => t.EndsWith('.') ? t : t + "."));

    private static string Codes(IEnumerable<string> codes) => codes.Any() ? string.Join(", ", codes) : "—";

    private static string Trace(TraceFigureView figure) =>
        figure.HasReference
            ? $"{figure.Name} = {figure.Value.ToString("0.###", Labels.Russian)} (ориентир {figure.Reference.ToString("0.###", Labels.Russian)})"
            : $"{figure.Name} = {figure.Value.ToString("0.###", Labels.Russian)}";

    private static string Addressee(string addressee) => addressee switch
    {
        "Region" => "региональный орган управления образованием",
        "Municipality" => "муниципальный орган управления образованием",
        "SchoolHead" => "руководитель школы",
        "Teachers" => "учителя-предметники",
        _ => addressee,
    };

    private static string List(string list) => list switch
    {
        "SHNOR" => "ШНОР",
        "SHNSU" => "ШНСУ",
        _ => "целевая группа",
    };

    private static string Transition(bool listed, string transition) => transition switch
    {
        "Entered" => "включена",
        "Stayed" => "остаётся",
        "Left" => "исключена",
        _ => listed ? "в списке" : "—",
    };

    private static string Dynamics(string dynamics) => dynamics switch
    {
        "Positive" or "Improved" => "положительная",
        "Negative" or "Worsened" => "отрицательная",
        "Stable" or "Unchanged" => "без изменений",
        _ => "нет данных",
    };
}
