using EduQuality.Domain.Hierarchy;

namespace EduQuality.Storage.Organizations;

/// <summary>The region an organisation belongs to: itself, or the nearest region above it (at most two levels up).</summary>
public sealed class RegionLookup(OrganizationStore organizations)
{
    public async Task<string> RegionOfAsync(string code, DateOnly asOf, CancellationToken cancellationToken)
    {
        for (var depth = 0; depth < 3; depth++)
        {
            var organization = await organizations.GetAsync(code, asOf, cancellationToken);
            if (organization is null || organization.Level == OrganizationLevel.Region || organization.ParentCode.Length == 0)
            {
                return code;
            }

            code = organization.ParentCode;
        }

        return code;
    }
}
