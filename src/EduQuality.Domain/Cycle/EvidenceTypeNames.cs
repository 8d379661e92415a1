namespace EduQuality.Domain.Cycle;

/// <summary>Russian names of the document types, for refusals that list what is missing.</summary>
public static class EvidenceTypeNames
{
    public static string Russian(EvidenceType type) => type switch
    {
        EvidenceType.ConceptDocument => "положение (концепция, модель) по направлению",
        EvidenceType.ActionPlan => "комплекс мер (план мероприятий, дорожная карта)",
        EvidenceType.IndicatorList => "утверждённый перечень показателей",
        EvidenceType.ProcedureSchedule => "план-график оценочных процедур",
        EvidenceType.ProcedureJustification => "аналитическое обоснование процедур",
        EvidenceType.MonitoringOrder => "приказ о проведении мониторинга",
        EvidenceType.AnalyticalReport => "аналитические материалы по результатам анализа",
        EvidenceType.AddressRecommendations => "адресные рекомендации",
        EvidenceType.ManagementDecision => "приказ (решение) по результатам анализа",
        EvidenceType.EffectivenessReport => "отчёт об эффективности принятых мер",
        EvidenceType.NegativeIndicator => "показатель с негативными последствиями",
        EvidenceType.NegativeDecision => "негативное управленческое решение",
        _ => type.ToString(),
    };
}
