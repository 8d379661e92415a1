using EduQuality.Domain.Security;

namespace EduQuality.Server.Security;

/// <summary>
/// What a gRPC method requires: a permission (none for the few anonymous methods) and, read from each request
/// message, the organisations it acts on.
/// </summary>
public sealed record MethodPolicy(Permission? Permission, Func<object, ScopeTarget?> Target)
{
    public static MethodPolicy Anonymous { get; } = new(null, _ => null);

    public bool IsAnonymous => Permission is null;
}
