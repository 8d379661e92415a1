namespace EduQuality.Server.Security;

/// <summary>The organisations a call acts on and the date whose hierarchy decides whether they lie in a subtree.</summary>
public sealed record ScopeTarget(IReadOnlyCollection<string> Codes, DateOnly AsOf);
