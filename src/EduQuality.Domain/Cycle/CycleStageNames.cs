namespace EduQuality.Domain.Cycle;

/// <summary>The Russian names of the stages, as users read them in refusals and reports.</summary>
public static class CycleStageNames
{
    public static string Russian(CycleStage stage) => stage switch
    {
        CycleStage.NotStarted => "не начат",
        CycleStage.Goals => "определение целей",
        CycleStage.Indicators => "определение показателей и методов сбора информации",
        CycleStage.Monitoring => "мониторинг",
        CycleStage.Analysis => "анализ и адресные рекомендации",
        CycleStage.Measures => "меры и управленческие решения",
        CycleStage.Effectiveness => "анализ эффективности принятых мер",
        CycleStage.Closed => "завершён",
        _ => stage.ToString(),
    };
}
