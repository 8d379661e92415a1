using EduQuality.Domain.Context;
using EduQuality.Domain.Hierarchy;
using EduQuality.Storage.Organizations;

namespace EduQuality.Server.Context;

/// <summary>Looks up the organisations a context batch names, per year, as the hierarchy stood on each year's first day.</summary>
public static class RegisteredOrganizations
{
    /// <summary>The registered organisations among the codes, per year of the accepted range.</summary>
    public static async Task<Dictionary<int, Dictionary<string, Organization>>> ByYearAsync(
        OrganizationStore organizations, IEnumerable<(string Code, int Year)> keys, CancellationToken cancellationToken)
    {
        var byYear = new Dictionary<int, Dictionary<string, Organization>>();
        foreach (var group in keys.Where(k => BatchRules.Year(0, k.Year) is null).GroupBy(k => k.Year))
        {
            byYear[group.Key] = await organizations.FindAsync(
                group.Select(k => k.Code).Distinct(StringComparer.Ordinal).ToList(), AcademicYear.FirstDay(group.Key), cancellationToken);
        }

        return byYear;
    }
}
