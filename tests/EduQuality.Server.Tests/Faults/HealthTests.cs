using EduQuality.Server.Tests.Infrastructure;
using EduQuality.Storage.Migrations;
using EduQuality.Storage.Postgres;
using Grpc.Health.V1;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace EduQuality.Server.Tests.Faults;

/// <summary>The gRPC health service follows PostgreSQL: NOT_SERVING while it is stopped, SERVING again after.</summary>
[Collection(PrivatePostgresCollection.Name)]
[Trait("Category", "Faults")]
public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_not_serving_while_postgres_is_stopped_and_serving_again_when_it_is_back()
    {
        // A private server: stopping it must not disturb the shared one other tests use.
        await using var postgres = await LocalPostgres.StartThrowawayAsync("health", fsync: false);
        await new SchemaMigrator(postgres.ConnectionString).ApplyAsync();
        await using var server = await RunningServer.StartAsync(postgres.ConnectionString);
        var health = new Health.HealthClient(server.Channel);
        Assert.Equal(ServingStatus.Serving, await HealthProbe.CheckAsync(health));

        await postgres.StopServerAsync();
        var whileDown = await HealthProbe.WaitForAsync(health, ServingStatus.NotServing, TimeSpan.FromSeconds(15));
        await postgres.StartServerAsync();
        var afterRestart = await HealthProbe.WaitForAsync(health, ServingStatus.Serving, TimeSpan.FromSeconds(15));

        Assert.Equal((ServingStatus.NotServing, ServingStatus.Serving), (whileDown, afterRestart));
    }
}
