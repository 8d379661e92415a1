using System.Globalization;
using EduQuality.Api.V1;
using CycleStageNames = EduQuality.Domain.Cycle.CycleStageNames;
using EvidenceTypeNames = EduQuality.Domain.Cycle.EvidenceTypeNames;

namespace EduQuality.WebConsole.Data;

/// <summary>
/// The tables of the management-cycle board (and of its downloads and the PDF report): stages, evidence, the criteria
/// checklist, recommendations and decisions with status, and the children's cycles.
/// </summary>
public static class CycleTables
{
    public static readonly IReadOnlyList<string> Names = ["cycle-stages", "cycle-evidence", "cycle-criteria", "cycle-recommendations", "cycle-decisions", "cycle-children"];

    public static ReportTable? ByName(string name, CycleData data) => name switch
    {
        "cycle-stages" => Stages(data),
        "cycle-evidence" => Evidence(data),
        "cycle-criteria" => Criteria(data),
        "cycle-recommendations" => Recommendations(data),
        "cycle-decisions" => Decisions(data),
        "cycle-children" => Children(data),
        _ => null,
    };

    /// <summary>Each stage: its state, the documents recorded for it, and the missed due date when overdue.</summary>
    public static ReportTable Stages(CycleData data) => new(
        "cycle-stages", $"Стадии управленческого цикла: {Of(data)}",
        [new("Стадия"), new("Состояние"), new("Документов", "N0"), new("Просрочена (срок)")],
        CycleData.Stages.Select(stage => Row(
            Stage(stage), State(data.Instance, stage), (long)data.Instance.Evidence.Count(e => e.Stage == stage),
            data.OverdueDate(data.Organization.Code, stage) is { } due ? Date(due) : "—")).ToList());

    public static ReportTable Evidence(CycleData data) => new(
        "cycle-evidence", $"Документы (свидетельства): {Of(data)}",
        [new("Стадия"), new("Вид документа"), new("Название"), new("Номер"), new("Дата"), new("Волна", "N0"), new("Ссылка")],
        data.Instance.Evidence.Select(e => Row(Stage(e.Stage), Document(e.Type), e.Title, e.Number, Date(e.Date), e.Wave > 0 ? (object)(long)e.Wave : "—", e.Url)).ToList());

    /// <summary>The criteria checklist: met or not, and whether by a document or by data.</summary>
    public static ReportTable Criteria(CycleData data) => new(
        "cycle-criteria", $"Критерии зрелости: {Of(data)}; балл {data.Maturity.Score} (выполнено {data.Maturity.PositiveMet} из {data.Maturity.PositiveTotal}, негативных {data.Maturity.NegativePresent})",
        [new("Код"), new("Стадия"), new("Критерий"), new("Вид"), new("Выполнен"), new("Основание")],
        data.Maturity.Criteria.Select(c => Row(
            c.Code, Stage(c.Stage), c.Text, c.Negative ? "негативный" : "позитивный", c.Met ? "да" : "нет",
            c.ByEvidence ? "документ" : c.ByData ? "данные" : "—")).ToList());

    public static ReportTable Recommendations(CycleData data) => new(
        "cycle-recommendations", $"Рекомендации и их исполнение: {Of(data)}",
        [new("№", "N0"), new("Организация"), new("Адресат"), new("Содержание"), new("Срок"), new("Источник"), new("Статус")],
        data.Recommendations.Select(r => Row(
            r.Id, r.OrganizationCode, AddresseeName(r.Addressee), r.Subject, Date(r.DueDate),
            r.Source == RecommendationSource.Analysis ? "анализ" : "вручную", Status(r.Status))).ToList());

    public static ReportTable Decisions(CycleData data) => new(
        "cycle-decisions", $"Управленческие решения: {Of(data)}",
        [new("№", "N0"), new("Вид"), new("Название"), new("Дата"), new("По рекомендациям"), new("Целевые показатели")],
        data.Decisions.Select(d => Row(
            d.Id, DecisionName(d.Type), d.Title, Date(d.Date), d.Answers.Count > 0 ? string.Join(", ", d.Answers) : "—",
            string.Join("; ", d.Targets.Select(Target)))).ToList());

    /// <summary>The children's cycles: where each stands, how far it got, what is overdue.</summary>
    public static ReportTable Children(CycleData data) => new(
        "cycle-children", $"Циклы подведомственных организаций: {Of(data)}",
        [new("Организация"), new("Текущая стадия"), new("Завершено стадий", "N0"), new("Цикл завершён"), new("Просрочено")],
        data.Children.OrderBy(c => c.Cycle.OrganizationCode, StringComparer.Ordinal).Select(c => Row(
            c.Cycle.OrganizationCode, Stage(c.Stage), (long)c.CompleteStages.Count, c.CycleComplete ? "да" : "нет",
            Overdue(data, c.Cycle.OrganizationCode))).ToList());

    public static string Stage(CycleStage stage) => CycleStageNames.Russian((Domain.Cycle.CycleStage)(int)stage);

    /// <summary>«текущая», «завершена» or «не начата» for a stage of the instance.</summary>
    public static string State(CycleInstance instance, CycleStage stage) =>
        instance.Stage == stage ? "текущая" : instance.CompleteStages.Contains(stage) ? "завершена" : instance.Stage > stage ? "пройдена" : "не начата";

    /// <summary>An ISO date (yyyy-MM-dd) as dd.MM.yyyy; other text as it is.</summary>
    public static string Date(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
        : iso.Length > 0 ? iso : "—";

    private static string Overdue(CycleData data, string code)
    {
        var stages = data.Overdue.Where(o => o.Cycle.OrganizationCode == code).Select(o => $"{Stage(o.Stage)} (срок {Date(o.MissedDueDate)})").ToList();
        return stages.Count > 0 ? string.Join("; ", stages) : "—";
    }

    private static string Of(CycleData data) => $"{data.Organization.Name}, направление {data.Cycle.Direction}, {Labels.Year(data.Cycle.Period)} уч. г.";

    private static IReadOnlyList<object> Row(params object[] cells) => cells;

    public static string Document(EvidenceType type) => EvidenceTypeNames.Russian((Domain.Cycle.EvidenceType)(int)type);

    private static string Target(TargetIndicator target) =>
        $"{Metric(target.Metric)}, {target.Subject} {target.Grade} кл.: {target.Baseline.ToString("0.###", Labels.Russian)} → {target.Target.ToString("0.###", Labels.Russian)}";

    private static string Metric(IndicatorMetric metric) => metric switch
    {
        IndicatorMetric.MeanScore => "средний балл",
        IndicatorMetric.ShareMark2 => "доля «2»",
        IndicatorMetric.ShareBelowMinimum => "доля ниже минимума",
        IndicatorMetric.ShareHighScorers => "доля высокобалльников",
        _ => "показатель",
    };

    private static string AddresseeName(Addressee addressee) => addressee switch
    {
        Addressee.Ministry => "орган управления образованием субъекта",
        Addressee.MunicipalAuthority => "муниципальный орган управления",
        Addressee.SchoolHead => "руководитель ОО",
        Addressee.Teachers => "педагоги",
        Addressee.Parents => "родители",
        _ => "—",
    };

    private static string Status(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Issued => "выдана",
        RecommendationStatus.Accepted => "принята",
        RecommendationStatus.InProgress => "исполняется",
        RecommendationStatus.Done => "исполнена",
        RecommendationStatus.EffectEvaluated => "эффект оценён",
        _ => "—",
    };

    private static string DecisionName(DecisionType type) => type switch
    {
        DecisionType.TrainingProgrammeChange => "изменение образовательной программы",
        DecisionType.Personnel => "кадровое решение",
        DecisionType.Incentive => "стимулирование",
        DecisionType.FinancialHelp => "финансовая помощь",
        DecisionType.TeacherTraining => "повышение квалификации",
        DecisionType.SupportProgramme => "программа поддержки",
        DecisionType.Network => "сетевое взаимодействие",
        DecisionType.MethodicalEvents => "методические мероприятия",
        DecisionType.Infrastructure => "инфраструктура",
        _ => "иное",
    };
}
