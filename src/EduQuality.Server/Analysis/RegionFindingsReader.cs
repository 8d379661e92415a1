using EduQuality.Contracts;
using EduQuality.Contracts.Analysis;
using EduQuality.Domain.Analysis.Region;
using EduQuality.Domain.Hierarchy;
using EduQuality.Server.Hierarchy;
using EduQuality.Storage.Organizations;

namespace EduQuality.Server.Analysis;

/// <summary>
/// The findings of the region an organisation belongs to for one year (from the region's analysis grain) and the
/// organisations of the organisation's subtree that year: what AnalysisService narrows its answers to, and what the
/// management cycle imports the analysis' recommendations from.
/// </summary>
public sealed class RegionFindingsReader(RegionLocator regions, OrganizationStore organizations, IGrainFactory grains)
{
    public async Task<(string Region, RegionFindings Findings, HashSet<string> InScope)> ReadAsync(
        string organizationCode, int year, CancellationToken cancellationToken)
    {
        var region = await regions.RegionOfAsync(organizationCode, year, cancellationToken);
        var findings = grains.GetGrain<IRegionAnalysisGrain>(GrainKeys.ForYear(year, region)).GetFindingsAsync();
        var subtree = (await organizations.SubtreeAsync(organizationCode, AcademicYear.FirstDay(year), cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return (region, await findings, subtree);
    }
}
