using System.Threading.RateLimiting;
using EduQuality.Domain.Security;

namespace EduQuality.Server.Security;

/// <summary>A token bucket per principal: RequestsPerSecond sustained, twice that in a burst.</summary>
public sealed class PrincipalRateLimiter(SecurityOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(id =>
        RateLimitPartition.GetTokenBucketLimiter(id, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.RequestsPerSecond * 2),
            TokensPerPeriod = Math.Max(1, options.RequestsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool TryAcquire(Principal principal)
    {
        using var lease = _limiter.AttemptAcquire(principal.Id);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
