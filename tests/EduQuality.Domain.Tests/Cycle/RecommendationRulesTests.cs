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
    [InlineData(RecommendationStatus.EffectEvaluated, RecommendationStatus.Withdrawn, "«эффект оценён» на «отозвана»; следующий допустимый статус: «нет»")]
    [InlineData(RecommendationStatus.InProgress, RecommendationStatus.Withdrawn, "«выполняется» на «отозвана»")]
    [InlineData(RecommendationStatus.Withdrawn, RecommendationStatus.Accepted, "следующий допустимый статус: «нет»")]
    public void Skips_repeats_and_steps_back_are_refused(RecommendationStatus from, RecommendationStatus to, string message)
    {
        var refusal = RecommendationRules.CheckStatusChange(from, to);

        Assert.Equal(RefusalCode.ForbiddenStatusChange, refusal!.Code);
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecommendationStatus.Issued, true, true)]
    [InlineData(RecommendationStatus.Accepted, false, true)]
    [InlineData(RecommendationStatus.InProgress, false, true)]
    [InlineData(RecommendationStatus.Done, false, false)]
    [InlineData(RecommendationStatus.EffectEvaluated, false, false)]
    [InlineData(RecommendationStatus.Withdrawn, false, false)]
    public void Edited_only_while_issued_and_withdrawn_only_before_done(RecommendationStatus status, bool editable, bool withdrawable)
    {
        var edit = RecommendationRules.CheckEdit(status);
        var withdrawal = RecommendationRules.CheckWithdrawal(status);

        Assert.Equal(editable, edit is null);
        Assert.Equal(withdrawable, withdrawal is null);
        Assert.Equal(editable ? null : RefusalCode.NotEditable, edit?.Code);
        Assert.Equal(withdrawable ? null : RefusalCode.ForbiddenStatusChange, withdrawal?.Code);
        if (edit is not null)
        {
            Assert.Contains($"текущий статус: «{RecommendationRules.Russian(status)}»", edit.Message, StringComparison.Ordinal);
        }
    }
}
