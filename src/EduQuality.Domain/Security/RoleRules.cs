using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Security;

/// <summary>The permissions of each role and the level of organisation each role may be bound to.</summary>
public static class RoleRules
{
    public static bool Grants(Role role, Permission permission) => role switch
    {
        Role.RegionAdministrator => true,
        Role.RegionAnalyst => permission is Permission.ReadResults or Permission.ReadAudit,
        Role.MunicipalityAnalyst => permission is Permission.ReadResults or Permission.ReadAudit or Permission.ManageCycle,
        Role.SchoolOperator => permission is Permission.ReadResults or Permission.WriteResults or Permission.ManageCycle,
        Role.IntegrationWriter => permission is Permission.WriteResults,
        Role.ReadOnly => permission is Permission.ReadResults,
        _ => false,
    };

    /// <summary>The levels a role may be bound to; null means any level.</summary>
    public static OrganizationLevel? BindsTo(Role role) => role switch
    {
        Role.RegionAdministrator or Role.RegionAnalyst => OrganizationLevel.Region,
        Role.MunicipalityAnalyst => OrganizationLevel.Municipality,
        Role.SchoolOperator => OrganizationLevel.School,
        _ => null,
    };
}
