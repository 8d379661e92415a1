using System.Text.Json;
using EduQuality.Contracts;
using EduQuality.Contracts.Results;
using EduQuality.Contracts.Rollup;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Reference;
using EduQuality.Domain.Summaries;
using EduQuality.Storage.Organizations;
using EduQuality.Storage.Results;
using EduQuality.Storage.Rollup;
using EduQuality.Storage.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;

namespace EduQuality.Grains.Results;

/// <summary>
/// A school's results for one academic year. Rows, the school's revision and its contribution to the parent are
/// written in one database transaction; the grain state (class summaries) follows and is rebuilt from the raw
/// rows on activation whenever it lags behind the stored revision.
/// </summary>
public sealed class SchoolYearGrain(
    [PersistentState("school-year", "Default")] IPersistentState<SchoolYearState> state,
    ResultStore results,
    OrganizationStore organizations,
    ThresholdTable thresholds,
    IOptions<SchoolYearOptions> options,
    ILogger<SchoolYearGrain> logger) : Grain, ISchoolYearGrain
{
    private readonly ChangeSignal _changes = new();
    private int _year;
    private string _school = "";
    private string _parent = "";
    private bool _stateDirty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_year, _school) = GrainKeys.ParseYearKey(this.GetPrimaryKeyString());
        _parent = await ParentAsync(cancellationToken);
        var storedRevision = await results.RevisionAsync(_school, _year, cancellationToken);
        if (state.State.Revision != storedRevision)
        {
            await RebuildFromRawRowsAsync(storedRevision, cancellationToken);
        }

        _changes.Set(state.State.Revision);
        var flush = options.Value.StateFlushInterval;
        this.RegisterGrainTimer(FlushStateAsync, new GrainTimerCreationOptions(flush, flush));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushStateAsync(cancellationToken);
    }

    public async Task<SchoolIngestResult> IngestAsync(string batchId, IReadOnlyList<ResultRecord> rows)
    {
        var incoming = rows.Select(row => new StoredResult(row, ResultFactsDeriver.Derive(row, thresholds))).ToList();
        var next = state.State.Classes.Clone();
        var (principal, sourceAddress) = CallerContext.Get();
        var audit = new List<AuditEntry>();
        int inserted = 0, corrected = 0, unchanged = 0;
        long? revision;
        try
        {
            revision = await results.ApplyAsync(_school, _year, state.State.Revision, batchId, thresholds.Version, incoming, previous =>
            {
                foreach (var item in incoming)
                {
                    if (previous.TryGetValue(item.Record.Key, out var old))
                    {
                        if (old.SameAs(item))
                        {
                            unchanged++;
                            continue;
                        }

                        next.Apply(SliceKey.Of(old.Record), old.Facts, -1);
                        corrected++;
                        audit.Add(new AuditEntry(principal, sourceAddress, "result.corrected", _school, CorrectionDetails(batchId, old.Record, item.Record)));
                    }
                    else
                    {
                        inserted++;
                    }

                    next.Apply(SliceKey.Of(item.Record), item.Facts, +1);
                }

                return (new ContributionDraft(_parent, SummaryJson.Serialize(next.WholeOrganization())), audit);
            }, CancellationToken.None);
        }
        catch
        {
            // Nothing of this call is in memory; a fresh activation re-checks the stored revision anyway.
            DeactivateOnIdle();
            throw;
        }

        var committed = Committed(revision);
        Publish(committed, next);
        NotifyParent(_parent);
        return new SchoolIngestResult(inserted, corrected, unchanged, committed);
    }

    public async Task RerouteAsync()
    {
        var parent = await ParentAsync(CancellationToken.None);
        if (parent == _parent)
        {
            return;
        }

        var previousParent = _parent;
        var whole = state.State.Classes.WholeOrganization();
        var revision = await results.RerouteAsync(_school, _year, state.State.Revision, previousParent, new ContributionDraft(parent, SummaryJson.Serialize(whole)), CancellationToken.None);
        _parent = parent;
        Publish(Committed(revision), state.State.Classes);
        NotifyParent(previousParent);
        NotifyParent(parent);
        logger.LogInformation("School {School} year {Year}: contribution moved from {Old} to {New}", _school, _year, previousParent, parent);
    }

    // Published summaries are replaced, never mutated, so they are handed out without copying.
    public Task<SummarySnapshot> GetSummariesAsync(bool includeClasses)
    {
        // Whole-school slices are derived on demand rather than kept: they would add a third to an idle grain's memory.
        var whole = state.State.Classes.WholeOrganization();
        var set = includeClasses
            ? new SummarySet(whole.Entries.Concat(state.State.Classes.Entries.Where(e => e.Slice.ClassLabel.Length > 0)).ToList())
            : whole;
        return Task.FromResult(new SummarySnapshot(state.State.Revision, set));
    }

    public Task<SliceSnapshot> GetSliceAsync(SliceKey slice)
    {
        var summary = slice.ClassLabel.Length == 0 ? state.State.Classes.FindWholeOrganization(slice) : state.State.Classes.Find(slice);
        return Task.FromResult(new SliceSnapshot(state.State.Revision, summary));
    }

    public Task<long> WaitForChangeAsync(long knownVersion, TimeSpan timeout) => _changes.WaitAsync(knownVersion, timeout);

    /// <summary>
    /// The committed revision; when another activation of this school wrote first, nothing was committed, and this
    /// activation's summaries are stale: drop it, and let the caller retry (a fresh activation rebuilds).
    /// </summary>
    private long Committed(long? revision)
    {
        if (revision is { } committed)
        {
            return committed;
        }

        DeactivateOnIdle();
        throw new InconsistentStateException($"School {_school} year {_year}: revision {state.State.Revision} is stale; retry.");
    }

    private static string CorrectionDetails(string batchId, ResultRecord old, ResultRecord corrected) => JsonSerializer.Serialize(new
    {
        batchId,
        procedure = corrected.Procedure.ToString(),
        corrected.Year,
        corrected.Subject,
        corrected.Grade,
        participant = corrected.ParticipantCode,
        old = Values(old),
        @new = Values(corrected),
    });

    private static object Values(ResultRecord r) => new { r.ClassLabel, r.PrimaryScore, r.MaxPrimaryScore, r.Mark, r.TestScore, r.PassedMinimum, r.TermMark, r.TaskPoints };

    private void Publish(long revision, SummarySet classes)
    {
        state.State = new SchoolYearState { Revision = revision, Classes = classes };
        _changes.Set(revision);
        _stateDirty = true;
    }

    private async Task FlushStateAsync(CancellationToken cancellationToken)
    {
        if (!_stateDirty)
        {
            return;
        }

        try
        {
            _stateDirty = false;
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // The rows and the contribution are committed; only this cache of them is not. The next activation
            // sees the revision mismatch and rebuilds from the raw rows, so drop this activation.
            logger.LogWarning(e, "School {School} year {Year}: state write failed at revision {Revision}", _school, _year, state.State.Revision);
            DeactivateOnIdle();
        }
    }

    private async Task RebuildFromRawRowsAsync(long storedRevision, CancellationToken cancellationToken)
    {
        var classes = new SummarySet();
        foreach (var (row, facts) in await results.LoadSchoolYearAsync(_school, _year, cancellationToken))
        {
            classes.Apply(SliceKey.Of(row), facts, +1);
        }

        logger.LogInformation(
            "School {School} year {Year}: state at revision {StateRevision}, rows at {StoredRevision}; rebuilt from raw rows",
            _school, _year, state.State.Revision, storedRevision);
        state.State = new SchoolYearState { Revision = storedRevision, Classes = classes };
        await state.WriteStateAsync(cancellationToken);
    }

    private async Task<string> ParentAsync(CancellationToken cancellationToken)
    {
        var school = await organizations.GetAsync(_school, AcademicYear.FirstDay(_year), cancellationToken)
            ?? throw new InvalidOperationException($"School {_school} is not registered.");
        return school.ParentCode;
    }

    private void NotifyParent(string parent)
    {
        if (parent.Length > 0)
        {
            GrainFactory.GetGrain<IAggregateYearGrain>(GrainKeys.ForYear(_year, parent)).NotifyChangedAsync().Ignore();
        }
    }
}
