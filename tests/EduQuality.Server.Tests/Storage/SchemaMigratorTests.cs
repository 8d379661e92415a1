using EduQuality.Server.Tests.Infrastructure;
using EduQuality.Storage.Migrations;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public void EmbeddedMigrations_AreNumberedAndOrdered()
    {
        var migrations = SchemaMigrator.EmbeddedMigrations;

        Assert.Contains("0001_orleans_query.sql", migrations);
        Assert.Contains("0002_orleans_persistence.sql", migrations);
        Assert.Contains("0003_orleans_clustering.sql", migrations);
        Assert.Contains("0004_orleans_reminders.sql", migrations);
        Assert.Equal(migrations.OrderBy(name => name, StringComparer.Ordinal), migrations);
    }

    [Fact]
    public async Task ApplyAsync_OnEmptyDatabase_AppliesEveryMigrationOnceAndRecordsIt()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync(nameof(SchemaMigratorTests));

        var applied = await new SchemaMigrator(connectionString).ApplyAsync();

        Assert.Equal(SchemaMigrator.EmbeddedMigrations, applied);
        Assert.Equal(applied, await ReadHistoryAsync(connectionString));
    }

    [Fact]
    public async Task ApplyAsync_SecondRun_AppliesNothing()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync(nameof(SchemaMigratorTests));
        await new SchemaMigrator(connectionString).ApplyAsync();

        var second = await new SchemaMigrator(connectionString).ApplyAsync();

        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.EmbeddedMigrations, await ReadHistoryAsync(connectionString));
    }

    [Fact]
    public async Task ApplyAsync_ThreeProcessesAtOnce_ApplyEachMigrationExactlyOnce()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync(nameof(SchemaMigratorTests));

        // Separate pools stand in for separate processes: no connection is shared between the three runs.
        var runs = Enumerable.Range(0, 3)
            .Select(run => new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"migrator-{run}" }.ConnectionString)
            .Select(runConnectionString => Task.Run(() => new SchemaMigrator(runConnectionString).ApplyAsync()))
            .ToList();
        var results = await Task.WhenAll(runs);

        var appliedByAnyone = results.SelectMany(result => result).ToList();
        Assert.Equal(SchemaMigrator.EmbeddedMigrations.Order(StringComparer.Ordinal), appliedByAnyone.Order(StringComparer.Ordinal));
        Assert.Equal(SchemaMigrator.EmbeddedMigrations, await ReadHistoryAsync(connectionString));
    }

    [Fact]
    public async Task ApplyAsync_LoadsEveryOrleansQueryKeyTheProvidersRequire()
    {
        var connectionString = await postgres.CreateDatabaseAsync(nameof(SchemaMigratorTests));
        string[] required =
        [
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];

        var keys = new List<string>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        Assert.Empty(required.Except(keys));
    }

    private static async Task<List<string>> ReadHistoryAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM schema_migration ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
