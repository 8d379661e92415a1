namespace EduQuality.Domain.Cycle;

/// <summary>
/// What may happen to a recommendation: its status moves one step forward at a time, issued → … → effect evaluated;
/// its text, due date and addressee may be edited only while it is issued; it may be withdrawn until it is done.
/// </summary>
public static class RecommendationRules
{
    public static Refusal? CheckStatusChange(RecommendationStatus from, RecommendationStatus to) =>
        Enum.IsDefined(to) && to != RecommendationStatus.Withdrawn && to == from + 1
            ? null
            : new Refusal(RefusalCode.ForbiddenStatusChange,
                $"Статус рекомендации нельзя изменить с «{Russian(from)}» на «{Russian(to)}»; следующий допустимый статус: «{(from >= RecommendationStatus.EffectEvaluated ? "нет" : Russian(from + 1))}».");

    public static Refusal? CheckEdit(RecommendationStatus status) =>
        status == RecommendationStatus.Issued
            ? null
            : new Refusal(RefusalCode.NotEditable,
                $"Рекомендацию можно изменить только в статусе «{Russian(RecommendationStatus.Issued)}»; текущий статус: «{Russian(status)}».");

    public static Refusal? CheckWithdrawal(RecommendationStatus status) =>
        status is RecommendationStatus.Issued or RecommendationStatus.Accepted or RecommendationStatus.InProgress
            ? null
            : new Refusal(RefusalCode.ForbiddenStatusChange,
                $"Рекомендацию в статусе «{Russian(status)}» нельзя отозвать: отзыв возможен до её выполнения.");

    public static string Russian(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Issued => "выдана",
        RecommendationStatus.Accepted => "принята",
        RecommendationStatus.InProgress => "выполняется",
        RecommendationStatus.Done => "выполнена",
        RecommendationStatus.EffectEvaluated => "эффект оценён",
        RecommendationStatus.Withdrawn => "отозвана",
        _ => status.ToString(),
    };
}
