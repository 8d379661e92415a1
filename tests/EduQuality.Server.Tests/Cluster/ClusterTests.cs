using EduQuality.Server.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class ClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_silos_and_an_api_front_end_on_one_database_serve_rollups_equal_to_the_raw_rows()
    {
        var database = await postgres.CreateDatabaseAsync("cluster");
        var demo = DemoData.Small();
        await using var first = await RunningServer.StartAsync(database, clusterId: "cluster-a");
        await using var second = await RunningServer.StartAsync(database, clusterId: "cluster-a");
        await using var frontEnd = await RunningServer.StartAsync(database, clusterId: "cluster-a", role: "Api");

        await DemoData.LoadAsync(frontEnd, demo);
        await DemoData.SettleAsync(frontEnd, demo);

        Assert.Equal(2, await ActiveSilosAsync(database));
        DemoData.AssertSame(await DemoData.RecomputedSummariesAsync(frontEnd, demo), await DemoData.ServedSummariesAsync(frontEnd, demo));
        DemoData.AssertSame(await DemoData.ServedSummariesAsync(frontEnd, demo), await DemoData.ServedSummariesAsync(second, demo));
    }

    private static async Task<long> ActiveSilosAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_membership WHERE deployment_id = 'cluster-a' AND status = 3", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
