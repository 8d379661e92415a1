using EduQuality.Contracts.Cycle;
using EduQuality.Domain.Cycle;
using EduQuality.Storage.Cycle;
using EduQuality.Storage.Organizations;
using Microsoft.Extensions.Options;

namespace EduQuality.Grains.Cycle;

/// <summary>
/// One cycle instance. The tables are the truth: a change is written there before the cached instance answers, and a
/// failed write deactivates the grain so that the next call reloads (the same rule as the results path, ADR 0001).
/// An open instance holds a durable reminder (ADO.NET reminder table) that records its overdue stages; it survives
/// restarts because the silo reloads reminders from the table, and it is dropped when the instance closes.
/// </summary>
public sealed class CycleGrain(
    CycleStore store,
    CycleCalendarStore calendar,
    RegionLookup regions,
    IOptions<CycleOptions> options,
    TimeProvider time) : Grain, ICycleGrain, IRemindable
{
    private const string OverdueReminder = "overdue";
    private CycleInstance _instance = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = CycleKey.Parse(this.GetPrimaryKeyString());
        _instance = await store.LoadAsync(key, cancellationToken) ?? new CycleInstance(key);
    }

    public Task<CycleInstance> GetAsync() => Task.FromResult(_instance);

    public async Task<CycleChange> TransitionAsync(CycleStage? expectedFrom, CycleStage to, string actor)
    {
        if (_instance.Repeats(to, expectedFrom))
        {
            return new CycleChange(_instance, null, null);
        }

        var (transition, refusal) = _instance.Transition(to, time.GetUtcNow(), actor);
        if (transition is null)
        {
            return new CycleChange(_instance, refusal, null);
        }

        // The loop opens the next period unless that period's cycle was already started by hand.
        var next = transition.Kind == TransitionKind.NextPeriod
                   && await store.LoadAsync(_instance.Key.NextPeriod(), CancellationToken.None) is null or { Stage: CycleStage.NotStarted }
            ? _instance.OpenNextPeriod(transition.At, actor)
            : null;
        await WriteAsync(() => store.SaveTransitionAsync(_instance, transition, next, CancellationToken.None));
        if (_instance.Stage == CycleStage.Closed)
        {
            if (await this.GetReminder(OverdueReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            await calendar.ReplaceOverdueAsync(_instance.Key, [], time.GetUtcNow(), CancellationToken.None);
            var opened = GrainFactory.GetGrain<ICycleGrain>(_instance.Key.NextPeriod().ToString());
            await opened.ReloadAsync();
            return new CycleChange(_instance, null, await opened.GetAsync());
        }

        await EnsureReminderAsync();
        return new CycleChange(_instance, null, null);
    }

    public async Task<CycleChange> AddEvidenceAsync(CycleEvidence evidence, string actor)
    {
        var (recorded, refusal) = _instance.AddEvidence(evidence);
        if (recorded is null)
        {
            return new CycleChange(_instance, refusal, null);
        }

        await WriteAsync(() => store.AddEvidenceAsync(_instance, recorded, actor, CancellationToken.None));
        return new CycleChange(_instance, null, null);
    }

    public async Task ReloadAsync()
    {
        _instance = await store.LoadAsync(_instance.Key, CancellationToken.None) ?? new CycleInstance(_instance.Key);
        await CheckOverdueAsync();
    }

    /// <summary>Checks the instance against its region's calendar now and records what is overdue.</summary>
    private async Task CheckOverdueAsync()
    {
        if (_instance.Stage != CycleStage.NotStarted && _instance.Stage != CycleStage.Closed)
        {
            await EnsureReminderAsync();
        }

        var schedule = await calendar.ScheduleAsync(
            await regions.RegionOfAsync(_instance.Key.OrganizationCode, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), CancellationToken.None), CancellationToken.None);
        var now = time.GetUtcNow();
        var overdue = OverdueRule.Find(_instance, schedule, DateOnly.FromDateTime(now.UtcDateTime));
        await calendar.ReplaceOverdueAsync(_instance.Key, overdue, now, CancellationToken.None);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OverdueReminder)
        {
            await CheckOverdueAsync();
        }
    }

    private async Task EnsureReminderAsync()
    {
        var period = options.Value.OverdueCheckPeriod;
        if (await this.GetReminder(OverdueReminder) is null)
        {
            await this.RegisterOrUpdateReminder(OverdueReminder, period, period);
        }
    }

    private async Task WriteAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            // The cached instance already holds the change the tables refused: drop it.
            DeactivateOnIdle();
            throw;
        }
    }
}
