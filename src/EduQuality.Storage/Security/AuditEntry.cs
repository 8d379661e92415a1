namespace EduQuality.Storage.Security;

/// <summary>One audited write: who, from where, what, about which organisation, with details as JSON.</summary>
public sealed record AuditEntry(string Principal, string SourceAddress, string Action, string OrganizationCode, string DetailsJson);

/// <summary>An audited write as stored.</summary>
public sealed record StoredAuditEntry(long Id, DateTimeOffset At, AuditEntry Entry);
