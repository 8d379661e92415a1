using System.Text.Json;
using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class AuditTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_kind_of_write_is_audited_with_principal_and_source()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("audit"));
        await SmallRegion.RegisterAsync(server);
        var writerKey = await Keys.IssueAsync(server, Role.IntegrationWriter, "M1");
        var writerId = writerKey[4..writerKey.IndexOf('.')];
        using var writer = server.ChannelWith(writerKey);
        var ingest = new IngestService.IngestServiceClient(writer);
        await ingest.SubmitBatchAsync(SmallRegion.Batch("gia-1", Procedure.Ege, 2025, SmallRegion.Ege("P0001", "S11", 40), SmallRegion.Ege("P0002", "S12", 50)));
        await ingest.SubmitBatchAsync(SmallRegion.Batch("gia-appeal", Procedure.Ege, 2025, SmallRegion.Ege("P0001", "S11", 47)));
        await server.Organizations.MoveSchoolAsync(new MoveSchoolRequest { SchoolCode = "S12", NewParentCode = "M2", EffectiveFrom = "2030-09-01" });
        var admin = new AdminService.AdminServiceClient(server.Channel);
        var key = await admin.IssueKeyAsync(new IssueKeyRequest { Name = "temp", Role = Role.ReadOnly, Scope = "M2" });
        await admin.RevokeKeyAsync(new RevokeKeyRequest { KeyId = key.Key.KeyId });

        var events = (await admin.ListAuditEventsAsync(new ListAuditEventsRequest { Limit = 1000 })).Events;

        Assert.Equal(6, events.Count(e => e.Action == "organization.registered" && e.Principal == "bootstrap-administrator"));
        var batches = events.Where(e => e.Action == "batch.ingested").ToList();
        Assert.Equal(["S11", "S12", "S11"], batches.Select(e => e.OrganizationCode));
        Assert.All(batches, e => Assert.Equal(writerId, e.Principal));
        Assert.All(batches, e => Assert.Equal("127.0.0.1", e.SourceAddress));
        Assert.Equal(1, Json(batches[2]).GetProperty("Corrected").GetInt32());
        var correction = Assert.Single(events, e => e.Action == "result.corrected");
        Assert.Equal(("S11", writerId), (correction.OrganizationCode, correction.Principal));
        Assert.Equal(40, Json(correction).GetProperty("old").GetProperty("TestScore").GetInt32());
        Assert.Equal(47, Json(correction).GetProperty("new").GetProperty("TestScore").GetInt32());
        var move = Assert.Single(events, e => e.Action == "organization.moved");
        Assert.Equal(("S12", "M1", "M2"), (move.OrganizationCode, Json(move).GetProperty("from").GetString(), Json(move).GetProperty("to").GetString()));
        Assert.Equal(key.Key.KeyId, Json(events.Last(e => e.Action == "key.issued")).GetProperty("keyId").GetString());
        Assert.Equal(key.Key.KeyId, Json(Assert.Single(events, e => e.Action == "key.revoked")).GetProperty("keyId").GetString());
    }

    [Fact]
    public async Task A_municipality_reads_only_its_subtrees_audit_and_nobody_rewrites_it()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("auditscope"));
        await SmallRegion.RegisterAsync(server);
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("gia-1", Procedure.Ege, 2025, SmallRegion.Ege("P0001", "S11", 40), SmallRegion.Ege("P0002", "S21", 50)));
        using var analyst = server.ChannelWith(await Keys.IssueAsync(server, Role.MunicipalityAnalyst, "M1"));

        var seen = (await new AdminService.AdminServiceClient(analyst).ListAuditEventsAsync(new ListAuditEventsRequest())).Events;

        Assert.Contains(seen, e => e.Action == "batch.ingested" && e.OrganizationCode == "S11");
        Assert.DoesNotContain(seen, e => e.OrganizationCode is "S21" or "M2" or "R1");
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_event SET principal = 'x'", "DELETE FROM audit_event", "TRUNCATE audit_event" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText);
        }
    }

    private static JsonElement Json(AuditEvent e) => JsonDocument.Parse(e.DetailsJson).RootElement;
}
