using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.Server.Tests.Hierarchy;

[Collection(PostgresCollection.Name)]
public sealed class SchoolMoveTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Each_year_follows_the_hierarchy_in_force_on_its_first_day()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("move"));
        await SmallRegion.RegisterAsync(server);
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            await server.Ingest.SubmitBatchAsync(SmallRegion.Batch($"ege-{year}", Procedure.Ege, year,
                SmallRegion.Ege($"P{year}1", "S11", 50),
                SmallRegion.Ege($"P{year}2", "S12", 80),
                SmallRegion.Ege($"P{year}3", "S21", 60)));
        }

        // From 1 September 2025 school S12 belongs to M2: academic year 2026 (2025/26) follows, 2024 and 2025 do not.
        var moved = await server.Organizations.MoveSchoolAsync(new MoveSchoolRequest { SchoolCode = "S12", NewParentCode = "M2", EffectiveFrom = "2025-09-01" });
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2026-late", Procedure.Ege, 2026, SmallRegion.Ege("P20264", "S12", 90)));
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            await SmallRegion.SettleAsync(server, "R1", year);
        }

        Assert.Equal([2026], moved.YearsRerouted);
        Assert.Equal((2, 1), (await ParticipantsAsync(server, "M1", 2024), await ParticipantsAsync(server, "M2", 2024)));
        Assert.Equal((2, 1), (await ParticipantsAsync(server, "M1", 2025), await ParticipantsAsync(server, "M2", 2025)));
        Assert.Equal((1, 3), (await ParticipantsAsync(server, "M1", 2026), await ParticipantsAsync(server, "M2", 2026)));
        Assert.Equal(65, (await SummaryAsync(server, "M1", 2025)).MeanScore, 6);
        Assert.Equal((80 + 90 + 60) / 3.0, (await SummaryAsync(server, "M2", 2026)).MeanScore, 6);
        Assert.Equal(4, await ParticipantsAsync(server, "R1", 2026));
        Assert.Equal(["S11", "S12"], (await server.Organizations.ListChildrenAsync(new ListChildrenRequest { Code = "M1", AsOf = "2025-08-31" })).Children.Select(c => c.Code));
        Assert.Equal(["S12", "S21"], (await server.Organizations.ListChildrenAsync(new ListChildrenRequest { Code = "M2", AsOf = "2025-09-01" })).Children.Select(c => c.Code));
        Assert.Equal("M2", (await server.Organizations.GetOrganizationAsync(new GetOrganizationRequest { Code = "S12", AsOf = "2026-01-10" })).ParentCode);
    }

    private static async Task<Summary> SummaryAsync(RunningServer server, string code, int year) =>
        (await server.Query.GetSummaryAsync(new GetSummaryRequest
        {
            OrganizationCode = code,
            Slice = new Slice { Year = year, Procedure = Procedure.Ege, Subject = "RU", Grade = 11 },
        })).Summary;

    private static async Task<long> ParticipantsAsync(RunningServer server, string code, int year) =>
        (await SummaryAsync(server, code, year)).Participants;
}
