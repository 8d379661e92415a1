using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Rollup;

[Collection(PostgresCollection.Name)]
public sealed class StateRebuildTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Lost_grain_state_is_rebuilt_from_the_raw_rows_and_an_unpushed_rollup_is_healed()
    {
        var database = await postgres.CreateDatabaseAsync("rebuild");
        var slice = new Slice { Year = 2025, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5, ClassLabel = "5Б" };
        await using (var server = await RunningServer.StartAsync(database))
        {
            await SmallRegion.RegisterAsync(server);
            await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-1", Procedure.Vpr, 2025,
                SmallRegion.Vpr("P0001", "S11", "5А", 12, 4, 4),
                SmallRegion.Vpr("P0002", "S11", "5Б", 5, 2, 3),
                SmallRegion.Vpr("P0003", "S11", "5Б", 17, 5, 4)));
        }

        // A crash before the cached state was written is the same as a state that is missing or one revision behind.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("DELETE FROM orleans_grain_state", connection);
            Assert.True(await command.ExecuteNonQueryAsync() > 0);
        }

        await using var restarted = await RunningServer.StartAsync(database);
        var classB = (await restarted.Query.GetSummaryAsync(new GetSummaryRequest { OrganizationCode = "S11", Slice = slice })).Summary;
        var whole = slice.Clone();
        whole.ClassLabel = "";
        // The first server may stop before its municipality pushed to the region; the durable pending mark and the
        // sweeper finish that push after the restart without anyone asking.
        var region = await Eventually.MatchAsync(
            async () => (await restarted.Query.GetSummaryAsync(new GetSummaryRequest { OrganizationCode = "R1", Slice = whole })).Summary,
            summary => summary.Participants == 3,
            TimeSpan.FromSeconds(20));

        Assert.Equal(2, classB.Participants);
        Assert.Equal(11, classB.MeanScore, 6);
        Assert.Equal(new long[] { 1, 0, 0, 1 }, classB.MarkCounts);
        Assert.Equal((1, 0, 1), (classB.TermLowered, classB.TermConfirmed, classB.TermRaised));
        Assert.Equal(3, region.Participants);
    }
}
