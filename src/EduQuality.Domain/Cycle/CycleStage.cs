namespace EduQuality.Domain.Cycle;

/// <summary>
/// Where a cycle instance stands (DOMAIN.md §2.1): the six stages of the management cycle, plus the state before the
/// first and after the loop into the next period. Values are the public contract's enum numbers.
/// </summary>
public enum CycleStage
{
    /// <summary>Не начат.</summary>
    NotStarted = 0,

    /// <summary>Определение целей.</summary>
    Goals = 1,

    /// <summary>Определение показателей, методов сбора информации.</summary>
    Indicators = 2,

    /// <summary>Проведение мониторинга.</summary>
    Monitoring = 3,

    /// <summary>Анализ результатов мониторинга, подготовка адресных рекомендаций.</summary>
    Analysis = 4,

    /// <summary>Принятие мер, управленческих решений.</summary>
    Measures = 5,

    /// <summary>Анализ эффективности принятых мер.</summary>
    Effectiveness = 6,

    /// <summary>Цикл периода завершён: начат новый управленческий цикл следующего периода.</summary>
    Closed = 7,
}
