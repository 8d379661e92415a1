using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace EduQuality.Server.Tests.Faults;

/// <summary>
/// The stored version of a school grain's state moves under the active grain (as another writer would move it), so
/// its next state write raises Orleans' InconsistentStateException.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Faults")]
public sealed class VersionConflictTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Year = 2025;
    private static readonly string[] Organizations = ["R1", "M1", "M2", "S11", "S12", "S21"];

    [Fact]
    public async Task A_grain_state_version_conflict_is_retryable_and_the_school_rebuilds_from_raw_rows()
    {
        var database = await postgres.CreateDatabaseAsync("version_conflict");
        await using var server = await RunningServer.StartAsync(database);
        await SmallRegion.RegisterAsync(server);
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-1", Procedure.Vpr, Year,
            SmallRegion.Vpr("P0001", "S11", "5А", 12, 4, 4),
            SmallRegion.Vpr("P0002", "S11", "5Б", 5, 2, 3),
            SmallRegion.Vpr("P0003", "S12", "5А", 17, 5, 4)));

        // The cached state is written behind the ingest; once it is stored, the stored row moves one version ahead
        // of the version the still active grain "2025/S11" holds, as a second writer would move it.
        var written = await PollAsync(() => StateVersionAsync(database, "2025/S11"), v => v > 0, TimeSpan.FromSeconds(15), "the state of 2025/S11 to be written");
        var bumpedTo = await BumpStateVersionAsync(database, "2025/S11");
        output.WriteLine($"state version {written}, moved to {bumpedTo}");

        var conflicting = SmallRegion.Batch("vpr-2", Procedure.Vpr, Year,
            SmallRegion.Vpr("P0004", "S11", "5А", 15, 4, 5),
            SmallRegion.Vpr("P0002", "S11", "5Б", 9, 3, 3),
            SmallRegion.Vpr("P0005", "S21", "5А", 11, 4, 4));
        var (ack, firstFailure) = await SubmitWithOneRetryAsync(server, conflicting);

        // The next state write of the grain meets the conflict; the grain must reload (a new activation rebuilds from
        // the raw rows) and write again on top of the moved version. Reading S11 keeps the school in use meanwhile.
        var reloaded = await PollAsync(
            async () =>
            {
                await server.Query.ListSummariesAsync(new ListSummariesRequest { OrganizationCode = "S11", Year = Year }, deadline: DateTime.UtcNow.AddSeconds(10));
                return await StateVersionAsync(database, "2025/S11");
            },
            v => v > bumpedTo,
            TimeSpan.FromSeconds(20),
            $"a state write of 2025/S11 after its stored version moved to {bumpedTo}");
        output.WriteLine($"state version {reloaded} after the conflict");

        // The school works normally afterwards: a further batch is accepted at the first attempt.
        var next = await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-3", Procedure.Vpr, Year,
            SmallRegion.Vpr("P0006", "S11", "5Б", 14, 4, 4)), deadline: DateTime.UtcNow.AddSeconds(30));

        await SmallRegion.SettleAsync(server, "R1", Year);
        var served = await SummaryAudit.ServedAsync(server.Query, Organizations, [Year]);
        var recomputed = await SummaryAudit.RecomputedAsync(database, [Year]);

        if (firstFailure is not null)
        {
            Assert.True(firstFailure.StatusCode == StatusCode.Unavailable,
                $"a state version conflict must come back as a retryable UNAVAILABLE, not {firstFailure.StatusCode}: {firstFailure.Status.Detail}");
        }

        Assert.Equal(("vpr-2", 3), (ack.BatchId, ack.Rows));
        Assert.Equal((1, 0, 0, false), (next.Inserted, next.Corrected, next.Unchanged, next.Duplicate));
        Assert.Equal(6, await SummaryAudit.CountAsync(database, "SELECT count(*) FROM assessment_result"));
        Assert.Equal(9, await SummaryAudit.CountAsync(database, "SELECT score FROM assessment_result WHERE participant_code = 'P0002'"));
        Assert.Contains(served.Keys, k => k.StartsWith($"{Year}/S11/Vpr/MA/5/5Б", StringComparison.Ordinal));
        DemoData.AssertSame(recomputed, served);
    }

    /// <summary>Sends a batch; a failure is answered by one resend with the same batch id. Returns the ack and the first failure, if any.</summary>
    private async Task<(BatchAck Ack, RpcException? FirstFailure)> SubmitWithOneRetryAsync(RunningServer server, ResultBatch batch)
    {
        try
        {
            return (await server.Ingest.SubmitBatchAsync(batch, deadline: DateTime.UtcNow.AddSeconds(30)), null);
        }
        catch (RpcException e)
        {
            output.WriteLine($"first attempt of {batch.BatchId}: {e.StatusCode}: {e.Status.Detail}");
            return (await server.Ingest.SubmitBatchAsync(batch, deadline: DateTime.UtcNow.AddSeconds(30)), e);
        }
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}; last value {value}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<long> BumpStateVersionAsync(string database, string grainKey)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE orleans_grain_state SET version = version + 1 WHERE grain_type = 'school-year' AND grain_id_ext = $1 RETURNING version",
            connection);
        command.Parameters.AddWithValue(grainKey);
        var versions = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                versions.Add(reader.GetInt32(0));
            }
        }

        if (versions.Count != 1)
        {
            await using var list = new NpgsqlCommand("SELECT grain_type || ' ' || coalesce(grain_id_ext, '<null>') || ' v' || version FROM orleans_grain_state", connection);
            var rows = new List<string>();
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            Assert.Fail($"expected one school-year state row for {grainKey}, bumped {versions.Count}; rows: {string.Join("; ", rows)}");
        }

        return versions[0];
    }

    /// <summary>The stored version of a school-year grain's state, 0 while none is stored.</summary>
    private static async Task<long> StateVersionAsync(string database, string grainKey) =>
        await SummaryAudit.CountAsync(database, $"SELECT coalesce(max(version), 0) FROM orleans_grain_state WHERE grain_type = 'school-year' AND grain_id_ext = '{grainKey}'");
}
