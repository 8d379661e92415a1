using EduQuality.Domain.Cycle;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class RecommendationRulesTests
{
    [Theory]
    [InlineData(RecommendationStatus.Issued, RecommendationStatus.Accepted)]
    [InlineData(RecommendationStatus.Accepted, RecommendationStatus.InProgress)]
    [InlineData(RecommendationStatus.InProgress, RecommendationStatus.Done)]
    [InlineData(RecommendationStatus.Done, RecommendationStatus.EffectEvaluated)]
    public void Each_next_status_is_allowed(RecommendationStatus from, RecommendationStatus to)
    {
        Assert.Null(RecommendationRules.CheckStatusChange(from, to));
    }

    [Theory]
    [InlineData(RecommendationStatus.Issued, RecommendationStatus.Done, "«выдана» на «выполнена»; следующий допустимый статус: «принята»")]
    [InlineData(RecommendationStatus.Done, RecommendationStatus.Accepted, "«выполнена» на «принята»; следующий допустимый статус: «эффект оценён»")]
    [InlineData(RecommendationStatus.Issued, RecommendationStatus.Issued, "«выдана» на «выдана»")]
    [InlineData(RecommendationStatus.EffectEvaluated, (RecommendationStatus)6, "следующий допустимый статус: «нет»")]
    public void Skips_repeats_and_steps_back_are_refused(RecommendationStatus from, RecommendationStatus to, string message)
    {
        var refusal = RecommendationRules.CheckStatusChange(from, to);

        Assert.Equal(RefusalCode.ForbiddenStatusChange, refusal!.Code);
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }
}
