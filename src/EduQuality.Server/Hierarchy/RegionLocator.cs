using EduQuality.Domain.Hierarchy;
using EduQuality.Server.Rpc;
using EduQuality.Storage.Organizations;

namespace EduQuality.Server.Hierarchy;

/// <summary>Finds the region an organisation belonged to in an academic year, by walking up its parents.</summary>
public sealed class RegionLocator(OrganizationStore organizations)
{
    public async Task<string> RegionOfAsync(string code, int year, CancellationToken cancellationToken)
    {
        var asOf = AcademicYear.FirstDay(year);
        var current = await organizations.GetAsync(code, asOf, cancellationToken)
            ?? throw InvalidInputException.Single("organization_code", code, "no organisation is registered with this code");
        while (current.Level != OrganizationLevel.Region && current.ParentCode.Length > 0)
        {
            current = await organizations.GetAsync(current.ParentCode, asOf, cancellationToken)
                ?? throw new InvalidOperationException($"The parent {current.ParentCode} of {current.Code} is not registered.");
        }

        return current.Code;
    }
}
