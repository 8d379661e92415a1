namespace EduQuality.Domain.Cycle;

/// <summary>Status changes of a recommendation: one step forward at a time, issued → … → effect evaluated.</summary>
public static class RecommendationRules
{
    public static Refusal? CheckStatusChange(RecommendationStatus from, RecommendationStatus to) =>
        Enum.IsDefined(to) && to == from + 1
            ? null
            : new Refusal(RefusalCode.ForbiddenStatusChange,
                $"Статус рекомендации нельзя изменить с «{Russian(from)}» на «{Russian(to)}»; следующий допустимый статус: «{(from == RecommendationStatus.EffectEvaluated ? "нет" : Russian(from + 1))}».");

    public static string Russian(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Issued => "выдана",
        RecommendationStatus.Accepted => "принята",
        RecommendationStatus.InProgress => "выполняется",
        RecommendationStatus.Done => "выполнена",
        RecommendationStatus.EffectEvaluated => "эффект оценён",
        _ => status.ToString(),
    };
}
