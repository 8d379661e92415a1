namespace EduQuality.Domain.Cycle;

/// <summary>
/// Kinds of documents that evidence a stage (the «Источник информации» of the criteria tables and the artefacts of
/// DOMAIN.md §2.2). Values are the public contract's enum numbers.
/// </summary>
public enum EvidenceType
{
    /// <summary>Положение о МСОКО/ШСОКО, концепция, модель по направлению.</summary>
    ConceptDocument = 1,

    /// <summary>Комплекс мер, план мероприятий, дорожная карта.</summary>
    ActionPlan = 2,

    /// <summary>Утверждённый перечень показателей с методами сбора информации.</summary>
    IndicatorList = 3,

    /// <summary>План-график оценочных процедур.</summary>
    ProcedureSchedule = 4,

    /// <summary>Аналитическое обоснование процедур: спецификация, кодификатор, демоверсии, регламенты.</summary>
    ProcedureJustification = 5,

    /// <summary>Приказ о проведении мониторинга.</summary>
    MonitoringOrder = 6,

    /// <summary>Аналитические материалы (отчёт, справка) по результатам анализа.</summary>
    AnalyticalReport = 7,

    /// <summary>Адресные рекомендации.</summary>
    AddressRecommendations = 8,

    /// <summary>Приказ, решение по результатам анализа.</summary>
    ManagementDecision = 9,

    /// <summary>Отчёт об эффективности принятых мер в сравнении с предыдущим периодом.</summary>
    EffectivenessReport = 10,

    /// <summary>Показатель с негативными последствиями (рейтинг школ или классов по среднему баллу ВПР, по «4» и «5», по успеваемости).</summary>
    NegativeIndicator = 11,

    /// <summary>Негативное управленческое решение (стимулирование или взыскание по такому рейтингу).</summary>
    NegativeDecision = 12,
}
