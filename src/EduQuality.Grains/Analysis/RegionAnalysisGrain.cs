using EduQuality.Contracts;
using EduQuality.Contracts.Analysis;
using EduQuality.Contracts.Results;
using EduQuality.Contracts.Rollup;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Analysis.Region;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Summaries;
using EduQuality.Storage.Analysis;
using EduQuality.Storage.Context;
using EduQuality.Storage.Organizations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EduQuality.Grains.Analysis;

/// <summary>
/// The live analysis of one region and year. It keeps the latest findings in memory only (they are recomputed from the
/// durable summaries and contexts on activation or on first request); a change notification starts a quiet period and
/// the findings are recomputed once it passes, off the ingest path. Every <see cref="AnalysisOptions.HealInterval"/> the
/// digest of the data the findings were computed from is compared with the stored data, so a lost signal heals.
/// </summary>
public sealed class RegionAnalysisGrain(
    OrganizationStore organizations,
    SchoolContextStore contexts,
    AnalysisInputFingerprint fingerprints,
    RegionAnalysis analysis,
    IOptions<AnalysisOptions> options,
    TimeProvider clock,
    ILogger<RegionAnalysisGrain> logger) : Grain, IRegionAnalysisGrain
{
    private int _year;
    private string _region = "";
    private RegionFindings? _findings;
    private Task<RegionFindings>? _computing;
    private DateTimeOffset? _changedAt;
    private long _revision;
    private (IReadOnlyList<string> Schools, IReadOnlyList<int> Years, string Digest)? _inputs;
    private DateTimeOffset _checkedAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_year, _region) = GrainKeys.ParseYearKey(this.GetPrimaryKeyString());
        var tick = TimeSpan.FromTicks(Math.Max(options.Value.Debounce.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks));
        this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions(tick, tick));
        return Task.CompletedTask;
    }

    public Task NotifyChangedAsync()
    {
        _changedAt = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task<RegionFindings> GetFindingsAsync() => _findings ?? await RecomputeAsync();

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        // Findings nobody asked for yet are computed on the first request instead.
        if (_findings is not null && _changedAt is { } changedAt && _computing is null && clock.GetUtcNow() - changedAt >= options.Value.Debounce)
        {
            await RecomputeAsync();
        }
        else if (_findings is not null && _changedAt is null && _computing is null && _inputs is { } inputs
            && clock.GetUtcNow() - _checkedAt >= options.Value.HealInterval)
        {
            _checkedAt = clock.GetUtcNow();
            if (await fingerprints.ReadAsync(_region, inputs.Schools, inputs.Years, cancellationToken) != inputs.Digest && _changedAt is null)
            {
                logger.LogWarning("Analysis of {Region} {Year}: the stored data changed without a signal; recomputing", _region, _year);
                await RecomputeAsync();
            }
        }
    }

    /// <summary>One computation at a time; a request that comes during one waits for it.</summary>
    private async Task<RegionFindings> RecomputeAsync()
    {
        if (_computing is { } running)
        {
            return await running;
        }

        var changedAt = _changedAt;
        _changedAt = null;
        _computing = ComputeAsync();
        try
        {
            _findings = await _computing;
            return _findings;
        }
        catch
        {
            // Try again on a later tick.
            _changedAt ??= changedAt ?? clock.GetUtcNow();
            throw;
        }
        finally
        {
            _computing = null;
        }
    }

    private async Task<RegionFindings> ComputeAsync()
    {
        var started = clock.GetUtcNow();
        var years = Enumerable.Range(_year - options.Value.WindowYears + 1, options.Value.WindowYears).ToList();
        var schools = new Dictionary<string, IReadOnlyDictionary<int, SummarySet>>(StringComparer.Ordinal);
        var region = new Dictionary<int, SummarySet>();
        var municipalities = new Dictionary<int, IReadOnlyDictionary<string, string>>();
        var profiles = new Dictionary<int, IReadOnlyList<SchoolProfile>>();
        var schoolsByYear = new Dictionary<int, List<Organization>>();
        foreach (var year in years)
        {
            var asOf = AcademicYear.FirstDay(year);
            var members = await organizations.FindAsync(await organizations.SubtreeAsync(_region, asOf, CancellationToken.None), asOf, CancellationToken.None);
            schoolsByYear[year] = members.Values.Where(o => o.Level == OrganizationLevel.School).ToList();
        }

        // The digest is read before the data: a change while reading makes the next check recompute rather than be missed.
        var inputSchools = schoolsByYear.Values.SelectMany(s => s).Select(s => s.Code).Distinct(StringComparer.Ordinal).ToList();
        var digest = await fingerprints.ReadAsync(_region, inputSchools, years, CancellationToken.None);
        foreach (var year in years)
        {
            var yearSchools = schoolsByYear[year];
            municipalities[year] = yearSchools.ToDictionary(s => s.Code, s => s.ParentCode, StringComparer.Ordinal);
            region[year] = (await GrainFactory.GetGrain<IAggregateYearGrain>(GrainKeys.ForYear(year, _region)).GetSummariesAsync(includeClasses: false)).Summaries;
            var served = await Task.WhenAll(yearSchools.Select(s =>
                GrainFactory.GetGrain<ISchoolYearGrain>(GrainKeys.ForYear(year, s.Code)).GetSummariesAsync(includeClasses: true)));
            foreach (var (school, snapshot) in yearSchools.Zip(served))
            {
                if (snapshot.Summaries.Count > 0)
                {
                    var byYear = (Dictionary<int, SummarySet>?)schools.GetValueOrDefault(school.Code) ?? [];
                    byYear[year] = ServedSummaries.ByClass(snapshot.Summaries);
                    schools[school.Code] = byYear;
                }
            }

            var bySchool = yearSchools.ToDictionary(s => s.Code, StringComparer.Ordinal);
            profiles[year] = (await contexts.ReadAsync(bySchool.Keys, [year], CancellationToken.None))
                .Select(c => Profile(bySchool[c.SchoolCode], c))
                .ToList();
        }

        var input = new RegionAnalysisInput(_region, _year, schools, region, municipalities, profiles.Where(p => p.Value.Count > 0).ToDictionary());
        var findings = await Task.Run(() => analysis.Run(input, ++_revision, clock.GetUtcNow()));
        (_inputs, _checkedAt) = ((inputSchools, years, digest), clock.GetUtcNow());
        logger.LogInformation(
            "Analysis of {Region} {Year} (revision {Revision}): {Schools} schools, {Flagged} with signs of biased results, ШНОР {Shnor}, ШНСУ {Shnsu}, in {Elapsed} ms",
            _region, _year, findings.Revision, schools.Count, findings.Risks.Count(r => r.Flagged),
            findings.ListsOfYear?.Shnor.Count ?? 0, findings.ListsOfYear?.Shnsu.Count ?? 0, (int)(clock.GetUtcNow() - started).TotalMilliseconds);
        return findings;
    }

    private static SchoolProfile Profile(Organization school, SchoolContextEntry context) =>
        new(school.Code, school.ParentCode, (SchoolSettlement)school.Settlement, school.Students, context.Factors);
}
