using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.Server.Tests.Ingest;

[Collection(PostgresCollection.Name)]
public sealed class CorrectionTests(PostgresFixture postgres)
{
    private static readonly Slice EgeRussian = new() { Year = 2025, Procedure = Procedure.Ege, Subject = "RU", Grade = 11 };

    [Fact]
    public async Task Corrected_ege_score_moves_school_municipality_and_region_by_exactly_the_difference()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("correction"));
        await SmallRegion.RegisterAsync(server);
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-1", Procedure.Ege, 2025,
            SmallRegion.Ege("P0001", "S11", 70),
            SmallRegion.Ege("P0002", "S11", 20),
            SmallRegion.Ege("P0003", "S12", 90),
            SmallRegion.Ege("P0004", "S21", 60)));
        await SmallRegion.SettleAsync(server, "R1", 2025);
        var before = await SummariesAsync(server);

        // An appeal raises P0002 from 20 (below the minimum 24) to 86 (a high score).
        var ack = await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-appeal-1", Procedure.Ege, 2025, SmallRegion.Ege("P0002", "S11", 86)));
        await SmallRegion.SettleAsync(server, "R1", 2025);
        var after = await SummariesAsync(server);

        Assert.Equal((0, 1, 0), (ack.Inserted, ack.Corrected, ack.Unchanged));
        foreach (var code in new[] { "S11", "M1", "R1" })
        {
            Assert.Equal(before[code].Participants, after[code].Participants);
            Assert.Equal(66, after[code].MeanScore * after[code].Participants - (before[code].MeanScore * before[code].Participants), 6);
            Assert.Equal(before[code].BelowMinimum - 1, after[code].BelowMinimum);
            Assert.Equal(before[code].HighScorers + 1, after[code].HighScorers);
        }

        Assert.Equal(70, after["S11"].P10);
        Assert.Equal(78, after["S11"].MeanScore, 6);
        Assert.Equal((86 + 70 + 90 + 60) / 4.0, after["R1"].MeanScore, 6);
        Assert.Equal(0, after["R1"].BelowMinimum);
        Assert.Equal(2, after["R1"].HighScorers);
        Assert.Equal(before["S21"].ToString(), after["S21"].ToString());
        Assert.Equal(before["M2"].ToString(), after["M2"].ToString());
    }

    [Fact]
    public async Task Resent_batch_is_answered_as_duplicate_and_changes_nothing()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("resend"));
        await SmallRegion.RegisterAsync(server);
        var batch = SmallRegion.Batch("vpr-1", Procedure.Vpr, 2025,
            SmallRegion.Vpr("P0001", "S11", "5А", 12, 4, 4),
            SmallRegion.Vpr("P0002", "S11", "5Б", 5, 3, 4));
        var first = await server.Ingest.SubmitBatchAsync(batch);
        var second = await server.Ingest.SubmitBatchAsync(batch);
        var sameRowsNewId = batch.Clone();
        sameRowsNewId.BatchId = "vpr-1-again";
        var third = await server.Ingest.SubmitBatchAsync(sameRowsNewId);
        await SmallRegion.SettleAsync(server, "R1", 2025);

        Assert.Equal((2, false), (first.Inserted, first.Duplicate));
        Assert.Equal((2, true), (second.Inserted, second.Duplicate));
        Assert.Equal((0, 0, 2, false), (third.Inserted, third.Corrected, third.Unchanged, third.Duplicate));
        var region = await server.Query.GetSummaryAsync(new GetSummaryRequest
        {
            OrganizationCode = "R1",
            Slice = new Slice { Year = 2025, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5 },
        });
        Assert.Equal(2, region.Summary.Participants);
        Assert.Equal(new long[] { 0, 1, 1, 0 }, region.Summary.MarkCounts);
        Assert.Equal((1, 1, 0), (region.Summary.TermLowered, region.Summary.TermConfirmed, region.Summary.TermRaised));
    }

    [Fact]
    public async Task Batch_id_reused_with_other_content_is_refused()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("reuse"));
        await SmallRegion.RegisterAsync(server);
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("b-1", Procedure.Ege, 2025, SmallRegion.Ege("P0001", "S11", 70)));

        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
            await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("b-1", Procedure.Ege, 2025, SmallRegion.Ege("P0001", "S11", 71))));

        Assert.Equal(Grpc.Core.StatusCode.AlreadyExists, error.StatusCode);
    }

    private static async Task<Dictionary<string, Summary>> SummariesAsync(RunningServer server)
    {
        var result = new Dictionary<string, Summary>();
        foreach (var code in new[] { "S11", "S12", "S21", "M1", "M2", "R1" })
        {
            result[code] = (await server.Query.GetSummaryAsync(new GetSummaryRequest { OrganizationCode = code, Slice = EgeRussian })).Summary;
        }

        return result;
    }
}
