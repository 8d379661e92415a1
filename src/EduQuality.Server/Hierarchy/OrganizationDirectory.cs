using System.Collections.Concurrent;
using EduQuality.Contracts;
using EduQuality.Contracts.Results;
using EduQuality.Contracts.Rollup;
using EduQuality.Domain.Hierarchy;
using EduQuality.Server.Rpc;
using EduQuality.Storage.Organizations;

namespace EduQuality.Server.Hierarchy;

/// <summary>
/// Finds an organisation's level (which never changes, so it is cached) and the per-year grain that holds
/// its summaries.
/// </summary>
public sealed class OrganizationDirectory(OrganizationStore store, IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, OrganizationLevel> _levels = new(StringComparer.Ordinal);

    public async Task<OrganizationLevel> LevelAsync(string code, CancellationToken cancellationToken)
    {
        if (_levels.TryGetValue(code, out var level))
        {
            return level;
        }

        var organization = await store.GetAsync(code, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken)
            ?? throw InvalidInputException.Single("organization_code", code, "no organisation is registered with this code");
        _levels[code] = organization.Level;
        return organization.Level;
    }

    public async Task<ISummaryGrain> SummaryGrainAsync(string code, int year, CancellationToken cancellationToken)
    {
        var key = GrainKeys.ForYear(year, code);
        return await LevelAsync(code, cancellationToken) == OrganizationLevel.School
            ? grains.GetGrain<ISchoolYearGrain>(key)
            : grains.GetGrain<IAggregateYearGrain>(key);
    }
}
