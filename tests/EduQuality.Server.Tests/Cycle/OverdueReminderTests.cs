using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Cycle;

/// <summary>
/// Overdue stages are found by a durable Orleans reminder (ADO.NET table): registered by one server, it fires in the
/// next server started on the same database without any call reaching the cycle.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OverdueReminderTests(PostgresFixture postgres)
{
    private static readonly Dictionary<string, string?> ShortChecks = new() { ["EduQuality:Cycle:OverdueCheckPeriod"] = "00:00:02" };

    /// <summary>Source 004 (Norilsk) cadences: site checks in October, February and June; learning dynamics in November, December, March and May.</summary>
    private static readonly Schedule Norilsk = new()
    {
        Region = "R1",
        Entries =
        {
            new ScheduleEntry { Stage = CycleStage.Monitoring, Label = "мониторинг сайтов", Months = { 10, 2, 6 }, Day = 15 },
            new ScheduleEntry { Stage = CycleStage.Monitoring, Label = "динамика обучения", Months = { 11, 12, 3, 5 }, Day = 20 },
        },
    };

    [Fact]
    public async Task Reminder_registered_before_a_restart_flags_overdue_monitoring_after_it()
    {
        var database = await postgres.CreateDatabaseAsync("cycle_overdue");
        var s11 = CycleClient.Ref("S11", 2025);
        await using (var first = await RunningServer.StartAsync(database, extraSettings: ShortChecks))
        {
            await SmallRegion.RegisterAsync(first);
            var cycle = new CycleClient(first);
            await cycle.Service.SetScheduleAsync(Norilsk);
            await cycle.MoveAsync(s11, CycleStage.Goals);
            Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM orleans_reminder WHERE grain_id LIKE '%2025/R1/S11%'"));
        }

        await ExecuteAsync(database, "DELETE FROM cycle_overdue");
        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = await RunningServer.StartAsync(database, extraSettings: ShortChecks);
        var service = new CycleClient(second).Service;

        // Nothing calls the S11 cycle: only its reminder can write the overdue row.
        var overdue = await Eventually.MatchAsync(
            async () => (await service.ListOverdueAsync(new OverdueRequest { OrganizationCode = "M1" })).Stages,
            stages => stages.Count > 0,
            TimeSpan.FromSeconds(60));

        // Period 2025 runs from September 2024; by now all seven monitoring dates have passed, none completed.
        var stage = Assert.Single(overdue);
        Assert.Equal(("S11", CycleStage.Monitoring, "2024-10-15", 7, 0),
            (stage.Cycle.OrganizationCode, stage.Stage, stage.MissedDueDate, stage.DueCount, stage.CompletedCount));
        Assert.True(DateTimeOffset.Parse(stage.CheckedAt, System.Globalization.CultureInfo.InvariantCulture) >= restartedAt);
    }

    [Fact]
    public async Task Closing_a_period_drops_its_reminder_and_its_overdue_rows()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("cycle_close"), extraSettings: ShortChecks);
        await SmallRegion.RegisterAsync(server);
        var cycle = new CycleClient(server);
        var s11 = CycleClient.Ref("S11", 2025);
        foreach (var stage in new[] { CycleStage.Goals, CycleStage.Indicators, CycleStage.Monitoring, CycleStage.Analysis, CycleStage.Measures, CycleStage.Effectiveness })
        {
            await cycle.StageAsync(s11, stage);
        }

        await cycle.MoveAsync(s11, CycleStage.Goals);

        Assert.Equal(0, await CountAsync(server.ConnectionString, "SELECT count(*) FROM orleans_reminder WHERE grain_id LIKE '%2025/R1/S11%'"));
        Assert.Equal(1, await CountAsync(server.ConnectionString, "SELECT count(*) FROM orleans_reminder WHERE grain_id LIKE '%2026/R1/S11%'"));
        Assert.Equal(0, await CountAsync(server.ConnectionString, "SELECT count(*) FROM cycle_overdue WHERE period = 2025"));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
