namespace EduQuality.Domain.Security;

/// <summary>An action a method requires; roles grant sets of them.</summary>
public enum Permission
{
    /// <summary>Read organisations and summaries.</summary>
    ReadResults,

    /// <summary>Send results.</summary>
    WriteResults,

    /// <summary>Register and move organisations.</summary>
    ManageOrganizations,

    /// <summary>Issue and revoke integration keys, create users.</summary>
    ManageAccess,

    /// <summary>Read the audit trail.</summary>
    ReadAudit,

    /// <summary>Run the management cycle: transitions, evidence, recommendations, decisions, calendars.</summary>
    ManageCycle,
}
