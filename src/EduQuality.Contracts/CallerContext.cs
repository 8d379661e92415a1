namespace EduQuality.Contracts;

/// <summary>
/// Who made the call that reached a grain, carried in Orleans' request context so that grains can audit the
/// writes they commit.
/// </summary>
public static class CallerContext
{
    private const string PrincipalKey = "eduq.principal";
    private const string SourceKey = "eduq.source";

    public static void Set(string principal, string sourceAddress)
    {
        RequestContext.Set(PrincipalKey, principal);
        RequestContext.Set(SourceKey, sourceAddress);
    }

    public static (string Principal, string SourceAddress) Get() =>
        (RequestContext.Get(PrincipalKey) as string ?? "system", RequestContext.Get(SourceKey) as string ?? "");
}
