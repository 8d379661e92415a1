namespace EduQuality.Domain.Cycle;

/// <summary>
/// The transition table of DOMAIN.md §2.3: the forward order 1→6, repeated monitoring-and-analysis waves, the
/// correction of indicators after effectiveness analysis and the loop into the next period. Everything else is
/// refused with a reason.
/// </summary>
public static class CycleMachine
{
    /// <summary>The kind of an allowed transition between two stages, or null when the table forbids it.</summary>
    public static TransitionKind? KindOf(CycleStage from, CycleStage to) => (from, to) switch
    {
        (CycleStage.Analysis, CycleStage.Monitoring) => TransitionKind.NewWave,
        (CycleStage.Effectiveness, CycleStage.Indicators) => TransitionKind.Correction,
        (CycleStage.Effectiveness, CycleStage.Goals) => TransitionKind.NextPeriod,
        _ when from < CycleStage.Effectiveness && to == from + 1 => TransitionKind.Forward,
        _ => null,
    };

    /// <summary>The stages a cycle may move to from <paramref name="from"/>, whatever its evidence.</summary>
    public static IReadOnlyList<CycleStage> Targets(CycleStage from) =>
        Enum.GetValues<CycleStage>().Where(to => KindOf(from, to) is not null).ToList();

    /// <summary>
    /// Checks a transition of <paramref name="instance"/> to <paramref name="to"/>: the table must allow it and the
    /// stage being left must be complete (its required evidence recorded), except when starting.
    /// </summary>
    public static (TransitionKind? Kind, Refusal? Refusal) Check(CycleInstance instance, CycleStage to)
    {
        var from = instance.Stage;
        if (from == CycleStage.Closed)
        {
            return (null, new Refusal(RefusalCode.CycleClosed,
                $"Управленческий цикл периода {instance.Key.Period} завершён; продолжайте работу в цикле периода {instance.Key.Period + 1}."));
        }

        if (KindOf(from, to) is not { } kind)
        {
            var allowed = string.Join(", ", Targets(from).Select(s => $"«{CycleStageNames.Russian(s)}»"));
            return (null, new Refusal(RefusalCode.ForbiddenTransition,
                $"Переход со стадии «{CycleStageNames.Russian(from)}» на стадию «{CycleStageNames.Russian(to)}» не предусмотрен управленческим циклом; возможные переходы: {allowed}."));
        }

        var missing = instance.MissingFor(from);
        if (missing.Count > 0)
        {
            return (null, new Refusal(RefusalCode.StageIncomplete,
                $"Стадия «{CycleStageNames.Russian(from)}» не завершена: нет документов: {string.Join("; ", missing.Select(m => m.RussianName))}."));
        }

        return (kind, null);
    }
}
