namespace EduQuality.Domain.Cycle;

/// <summary>
/// The management cycle of one organisation in one direction for one period: the current stage, the current
/// monitoring wave, the evidence recorded and the history of transitions. Changes go through <see cref="Transition"/>
/// and <see cref="AddEvidence"/>, which refuse what the cycle does not allow.
/// </summary>
public sealed class CycleInstance
{
    private readonly List<CycleEvidence> _evidence;
    private readonly List<CycleTransition> _history;

    public CycleInstance(CycleKey key, CycleStage stage = CycleStage.NotStarted, int wave = 0,
        IReadOnlyList<CycleEvidence>? evidence = null, IReadOnlyList<CycleTransition>? history = null)
    {
        Key = key;
        Stage = stage;
        Wave = wave;
        _evidence = evidence?.ToList() ?? [];
        _history = history?.ToList() ?? [];
    }

    public CycleKey Key { get; }

    public CycleStage Stage { get; private set; }

    /// <summary>The monitoring wave: 0 before monitoring first starts, then 1, 2, … each time monitoring is entered.</summary>
    public int Wave { get; private set; }

    public IReadOnlyList<CycleEvidence> Evidence => _evidence;

    public IReadOnlyList<CycleTransition> History => _history;

    /// <summary>The furthest stage reached in this period (a correction goes back, but what was reached stays reached).</summary>
    public CycleStage Reached => _history.Select(t => t.To).Where(s => s != CycleStage.Closed).Append(Stage == CycleStage.Closed ? CycleStage.Effectiveness : Stage).Max();

    /// <summary>The requirements of <paramref name="stage"/> not yet met by recorded evidence.</summary>
    public IReadOnlyList<StageRequirement> MissingFor(CycleStage stage) =>
        StageRequirement.For(stage)
            .Where(r => !_evidence.Any(e => e.Stage == stage && r.IsMetBy(e.Type) && (!r.PerWave || e.Wave == Wave)))
            .ToList();

    /// <summary>A stage is complete when its required evidence exists (for per-wave documents, in the current wave).</summary>
    public bool IsComplete(CycleStage stage) => StageRequirement.For(stage).Count > 0 && MissingFor(stage).Count == 0;

    /// <summary>All six stages complete: the whole cycle is evidenced for the period.</summary>
    public bool IsCycleComplete => Enum.GetValues<CycleStage>().Where(s => s is > CycleStage.NotStarted and < CycleStage.Closed).All(IsComplete);

    /// <summary>
    /// Whether a transition to <paramref name="to"/> is a retry of the last one made, so that it must change nothing:
    /// the last transition went to <paramref name="to"/> and the cycle is still there (or it was the loop into the next
    /// period and <paramref name="to"/> is goals), and it came from <paramref name="expectedFrom"/> when that is given.
    /// No transition leads from a stage to itself, so without <paramref name="expectedFrom"/> this cannot swallow a
    /// real change.
    /// </summary>
    public bool Repeats(CycleStage to, CycleStage? expectedFrom) =>
        _history.Count > 0 && _history[^1] is var last
        && (expectedFrom is not { } from || last.From == from)
        && ((last.To == to && Stage == to) || (last.Kind == TransitionKind.NextPeriod && Stage == CycleStage.Closed && to == CycleStage.Goals));

    /// <summary>
    /// Moves to <paramref name="to"/> or refuses with a reason. The loop into the next period closes this instance;
    /// the caller opens the next period's instance with <see cref="OpenNextPeriod"/>.
    /// </summary>
    public (CycleTransition? Transition, Refusal? Refusal) Transition(CycleStage to, DateTimeOffset at, string actor)
    {
        var (kind, refusal) = CycleMachine.Check(this, to);
        if (kind is not { } allowed)
        {
            return (null, refusal);
        }

        var from = Stage;
        Stage = allowed == TransitionKind.NextPeriod ? CycleStage.Closed : to;
        if (to == CycleStage.Monitoring)
        {
            Wave++;
        }

        var transition = new CycleTransition(from, Stage, allowed, Wave, at, actor);
        _history.Add(transition);
        return (transition, null);
    }

    /// <summary>The next period's instance, started at goals, after this one closed by the loop.</summary>
    public CycleInstance OpenNextPeriod(DateTimeOffset at, string actor)
    {
        if (Stage != CycleStage.Closed)
        {
            throw new InvalidOperationException($"{Key} is not closed.");
        }

        return new CycleInstance(Key.NextPeriod(), CycleStage.Goals, 0, history: [new CycleTransition(CycleStage.NotStarted, CycleStage.Goals, TransitionKind.NextPeriod, 0, at, actor)]);
    }

    /// <summary>
    /// Records evidence for a stage already reached, in the current wave; refuses a closed cycle or a stage not
    /// reached. The same document (stage, type, URL) again in the same wave is not recorded twice.
    /// </summary>
    public (CycleEvidence? Evidence, Refusal? Refusal) AddEvidence(CycleEvidence evidence)
    {
        if (Stage == CycleStage.Closed)
        {
            return (null, new Refusal(RefusalCode.CycleClosed,
                $"Управленческий цикл периода {Key.Period} завершён; документы прикрепляются к циклу периода {Key.Period + 1}."));
        }

        if (evidence.Stage > Reached)
        {
            return (null, new Refusal(RefusalCode.StageNotReached,
                $"Стадия «{CycleStageNames.Russian(evidence.Stage)}» ещё не начата (текущая стадия: «{CycleStageNames.Russian(Stage)}»)."));
        }

        var recorded = evidence with { Wave = Wave };
        if (_evidence.FirstOrDefault(e => e.Stage == recorded.Stage && e.Type == recorded.Type && e.Url == recorded.Url && e.Wave == recorded.Wave) is { } same)
        {
            return (same, null);
        }

        _evidence.Add(recorded);
        return (recorded, null);
    }
}
