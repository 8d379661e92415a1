using EduQuality.Contracts;
using EduQuality.Contracts.Results;
using EduQuality.Contracts.Rollup;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Summaries;
using EduQuality.Grains.Analysis;
using EduQuality.Grains.Results;
using EduQuality.Storage.Organizations;
using EduQuality.Storage.Rollup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EduQuality.Grains.Rollup;

/// <summary>
/// A municipality's or region's totals for one academic year. Its children's whole contributions are durable
/// rows; it keeps them in memory, replaces a child's contribution only when the stored version differs, and
/// pushes its own totals to its parent. Notifications are hints that are coalesced into one re-read per
/// interval; a lost one is healed by the durable pending mark and the rollup sweeper, and activation rebuilds
/// everything from the rows without activating a single child.
/// </summary>
public sealed class AggregateYearGrain(
    ContributionStore contributions,
    OrganizationStore organizations,
    IOptions<RollupOptions> options,
    RollupMetrics metrics,
    ILogger<AggregateYearGrain> logger) : Grain, IAggregateYearGrain
{
    private readonly Dictionary<string, (long Version, SummarySet Summaries)> _children = new(StringComparer.Ordinal);
    private readonly ChangeSignal _changes = new();
    private SummarySet _totals = new();
    private int _year;
    private string _code = "";
    private string _parent = "";
    private long _ownVersion;
    private bool _pending;
    private bool _pushPending;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_year, _code) = GrainKeys.ParseYearKey(this.GetPrimaryKeyString());
        var self = await organizations.GetAsync(_code, AcademicYear.FirstDay(_year), cancellationToken);
        _parent = self?.ParentCode ?? "";
        _ownVersion = await contributions.VersionAsync(_code, _year, cancellationToken);
        await ReadChangesAsync(cancellationToken);
        this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions(options.Value.CoalesceInterval, options.Value.CoalesceInterval));
    }

    public Task NotifyChangedAsync()
    {
        _pending = true;
        return Task.CompletedTask;
    }

    public async Task<long> RefreshAsync()
    {
        await ReadChangesAsync(CancellationToken.None);
        return _changes.Version;
    }

    public Task<SummarySnapshot> GetSummariesAsync(bool includeClasses) =>
        Task.FromResult(new SummarySnapshot(_changes.Version, _totals));

    public Task<SliceSnapshot> GetSliceAsync(SliceKey slice) =>
        Task.FromResult(new SliceSnapshot(_changes.Version, _totals.Find(slice)));

    public Task<long> WaitForChangeAsync(long knownVersion, TimeSpan timeout) => _changes.WaitAsync(knownVersion, timeout);

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        if (_pending || _pushPending)
        {
            await ReadChangesAsync(cancellationToken);
        }
    }

    private async Task ReadChangesAsync(CancellationToken cancellationToken)
    {
        _pending = false;
        var marks = await contributions.PendingMarksAsync(_code, _year, cancellationToken);
        var known = _children.ToDictionary(c => c.Key, c => c.Value.Version, StringComparer.Ordinal);
        var rows = await contributions.ReadChangedAsync(_code, _year, known, cancellationToken);
        if (Apply(rows))
        {
            _changes.Set(_changes.Version + 1);
            _pushPending = true;
        }

        // A push that failed (the database went away) stays pending and is tried again on the next tick.
        if (_pushPending)
        {
            await PushToParentAsync(cancellationToken);
            _pushPending = false;
        }

        // Only after the totals (and the push to the parent) are done: a crash before this leaves the mark, and
        // the sweeper has the grain re-read.
        metrics.RecordLag(await contributions.ClearPendingAsync(_code, _year, marks, cancellationToken));
    }

    /// <summary>Replaces changed children's contributions and drops departed ones; true when the totals changed.</summary>
    private bool Apply(List<StoredContribution> rows)
    {
        // Published totals are never mutated: build the next totals and swap them in.
        var next = _totals.Clone();
        var changed = false;
        foreach (var row in rows.Where(r => r.PayloadJson is not null))
        {
            var incoming = SummaryJson.Deserialize(row.PayloadJson!);
            if (_children.TryGetValue(row.ChildCode, out var previous))
            {
                next.Merge(previous.Summaries, -1);
            }

            next.Merge(incoming, +1);
            _children[row.ChildCode] = (row.Version, incoming);
            changed = true;
        }

        var present = rows.Select(r => r.ChildCode).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _children.Keys.Where(k => !present.Contains(k)).ToList())
        {
            next.Merge(_children[gone].Summaries, -1);
            _children.Remove(gone);
            changed = true;
        }

        if (changed)
        {
            _totals = next;
        }

        return changed;
    }

    private async Task PushToParentAsync(CancellationToken cancellationToken)
    {
        if (_parent.Length == 0)
        {
            // A region: its totals feed the analysis, not another aggregate.
            AnalysisRefresh.NotifyChanged(GrainFactory, _code, _year);
            return;
        }

        _ownVersion++;
        await contributions.UpsertAsync(_year, _code, new ContributionDraft(_parent, SummaryJson.Serialize(_totals)), _ownVersion, cancellationToken);
        GrainFactory.GetGrain<IAggregateYearGrain>(GrainKeys.ForYear(_year, _parent)).NotifyChangedAsync().Ignore();
        logger.LogDebug("{Code} {Year}: pushed version {Version} to {Parent}", _code, _year, _ownVersion, _parent);
    }
}
