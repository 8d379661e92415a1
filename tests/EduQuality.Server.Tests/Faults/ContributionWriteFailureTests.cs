using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace EduQuality.Server.Tests.Faults;

/// <summary>
/// A municipality takes in a school's change but cannot write its own contribution for the region (the database
/// fails that one statement, as a dropped connection or a failover between the read and the write would). Once the
/// database is back, the region must catch up without any further change.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Faults")]
public sealed class ContributionWriteFailureTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Year = 2025;
    private static readonly string[] Organizations = ["R1", "M1", "M2", "S11", "S12", "S21"];
    private static readonly Slice VprMath5 = new() { Year = Year, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5 };

    private const string FailMunicipalityWrites = """
        CREATE FUNCTION fault_m1_contribution() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.child_code = 'M1' THEN
                RAISE EXCEPTION 'injected fault: contribution of M1 not written';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER fault_m1_contribution BEFORE INSERT OR UPDATE ON rollup_contribution
            FOR EACH ROW EXECUTE FUNCTION fault_m1_contribution();
        """;

    private const string Recover = "DROP TRIGGER fault_m1_contribution ON rollup_contribution; DROP FUNCTION fault_m1_contribution();";

    [Fact]
    public async Task A_municipality_whose_contribution_write_failed_writes_it_once_the_database_recovers()
    {
        var database = await postgres.CreateDatabaseAsync("contribution_failure");
        await using var server = await RunningServer.StartAsync(database);
        await SmallRegion.RegisterAsync(server);
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-1", Procedure.Vpr, Year,
            SmallRegion.Vpr("P0001", "S11", "5А", 12, 4, 4),
            SmallRegion.Vpr("P0002", "S12", "5А", 5, 2, 3),
            SmallRegion.Vpr("P0003", "S21", "5А", 17, 5, 4)));
        await SmallRegion.SettleAsync(server, "R1", Year);
        Assert.Equal(3, await ParticipantsAsync(server, "R1"));

        await ExecuteAsync(database, FailMunicipalityWrites);
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-2", Procedure.Vpr, Year,
            SmallRegion.Vpr("P0004", "S11", "5Б", 15, 4, 5)));

        // M1 has read S11's new contribution (its own totals count the row) and failed to write its own.
        await PollAsync(() => ParticipantsAsync(server, "M1"), p => p == 3, TimeSpan.FromSeconds(10), "M1 to count the new row");
        await ExecuteAsync(database, Recover);

        // No further change arrives. The region must reach the new total within a safety-poll period or two.
        var region = await PollAsync(() => ParticipantsAsync(server, "R1"), p => p == 4, TimeSpan.FromSeconds(12), "R1 to count the new row", throwOnTimeout: false);
        output.WriteLine($"R1 counts {region} participants after the database recovered (4 sent)");
        await SmallRegion.SettleAsync(server, "R1", Year);

        var served = await SummaryAudit.ServedAsync(server.Query, Organizations, [Year]);
        var recomputed = await SummaryAudit.RecomputedAsync(database, [Year]);
        output.WriteLine(SummaryAudit.DescribeDifferences(recomputed, served));
        Assert.Equal(4, await SummaryAudit.CountAsync(database, "SELECT count(*) FROM assessment_result"));
        DemoData.AssertSame(recomputed, served);
    }

    private static async Task<long> ParticipantsAsync(RunningServer server, string code) =>
        (await server.Query.GetSummaryAsync(new GetSummaryRequest { OrganizationCode = code, Slice = VprMath5 }, deadline: DateTime.UtcNow.AddSeconds(10)))
            .Summary.Participants;

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what, bool throwOnTimeout = true)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value) || (!throwOnTimeout && DateTime.UtcNow > deadline))
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
}
