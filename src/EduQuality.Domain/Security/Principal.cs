namespace EduQuality.Domain.Security;

/// <summary>
/// Who calls (субъект доступа): a key, a user or a token subject, with one role bound to the organisation whose
/// subtree it acts in (<see cref="Scope"/>; <see cref="Everything"/> for the whole installation).
/// </summary>
public sealed record Principal(string Id, Role Role, string Scope)
{
    public const string Everything = "*";

    public bool Covers(string organizationCode) => Scope == Everything || Scope == organizationCode;

    public bool IsInstallationWide => Scope == Everything;
}
