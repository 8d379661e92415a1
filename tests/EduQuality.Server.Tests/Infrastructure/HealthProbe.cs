using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>Asks a server's grpc.health.v1 service (empty service name: the whole server, PostgreSQL included).</summary>
public static class HealthProbe
{
    public static async Task<ServingStatus> CheckAsync(Health.HealthClient health) =>
        (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status;

    /// <summary>Polls until the service answers <paramref name="wanted"/>; returns the last answer.</summary>
    public static async Task<ServingStatus> WaitForAsync(Health.HealthClient health, ServingStatus wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = ServingStatus.Unknown;
        while (DateTime.UtcNow < deadline)
        {
            last = await CheckAsync(health);
            if (last == wanted)
            {
                break;
            }

            await Task.Delay(100);
        }

        return last;
    }
}
