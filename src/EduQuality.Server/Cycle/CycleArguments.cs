using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Cycle;
using EduQuality.Server.Hierarchy;
using EduQuality.Server.Rpc;
using EduQuality.Storage.Cycle;
using EduQuality.Storage.Organizations;

namespace EduQuality.Server.Cycle;

/// <summary>
/// Checks the organisation, direction and period a cycle request names: a registered organisation, a period in the
/// accepted years, and a direction of the catalogue or a local one of the organisation's region.
/// </summary>
public sealed class CycleArguments(OrganizationDirectory directory, RegionLookup regions, CycleCalendarStore calendar, IndicatorCatalog catalog)
{
    private readonly IReadOnlyList<CycleDirection> _federal = DirectionRegistry.Federal(catalog);

    public async Task<CycleKey> KeyAsync(CycleRef? cycle, string field, CancellationToken cancellationToken)
    {
        if (cycle is null)
        {
            throw InvalidInputException.Single(field, "", "organisation, direction and period are required");
        }

        return await KeyAsync(cycle.OrganizationCode, cycle.Direction, cycle.Period, field + ".", cancellationToken);
    }

    public async Task<CycleKey> KeyAsync(string organizationCode, string direction, int period, string prefix, CancellationToken cancellationToken)
    {
        if (period is < ResultBatchValidator.FirstYear or > ResultBatchValidator.LastYear)
        {
            throw InvalidInputException.Single(prefix + "period", period.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"period must be between {ResultBatchValidator.FirstYear} and {ResultBatchValidator.LastYear}");
        }

        await directory.LevelAsync(organizationCode, cancellationToken);
        var region = await RegionOfAsync(organizationCode, cancellationToken);
        if ((await RegistryAsync(region, cancellationToken)).Find(region, direction) is null)
        {
            throw InvalidInputException.Single(prefix + "direction", direction, "not a federal direction nor a local direction of the organisation's region");
        }

        return new CycleKey(organizationCode, direction, period);
    }

    public Task<string> RegionOfAsync(string organizationCode, CancellationToken cancellationToken) =>
        regions.RegionOfAsync(organizationCode, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken);

    public async Task<DirectionRegistry> RegistryAsync(string region, CancellationToken cancellationToken) =>
        new(_federal, await calendar.LocalDirectionsAsync(region, cancellationToken));
}
