using System.Globalization;
using EduQuality.Storage.Postgres;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Storage;

/// <summary>Each test runs its own server: stopping the shared one would pull it from under other tests.</summary>
public sealed class LocalPostgresTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eduq-pgtest-").FullName;

    [Fact]
    public async Task Throwaway_StopsAndStartsOnTheSamePort_KeepingData_AndDeletesItsFolderOnDispose()
    {
        string dataDirectory;
        await using (var server = await LocalPostgres.StartThrowawayAsync("fault", fsync: false))
        {
            dataDirectory = server.DataDirectory;
            var port = server.Port;
            await ExecuteAsync(server.ConnectionString, "CREATE TABLE marker (id int); INSERT INTO marker VALUES (7)");

            await server.StopServerAsync();
            Assert.False(server.IsRunning);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(server.ConnectionString, "SELECT 1"));

            await server.StartServerAsync();
            Assert.Equal(port, server.Port);
            Assert.Equal(7, await ScalarAsync<int>(server.ConnectionString, "SELECT id FROM marker"));
        }

        Assert.False(Directory.Exists(dataDirectory));
    }

    [Fact]
    public async Task Throwaway_RecoversAfterAnImmediateStop()
    {
        // Durable settings: with synchronous_commit off an immediate stop may lose the last commits, by design.
        await using var server = await LocalPostgres.StartThrowawayAsync("crash", fsync: true);
        await ExecuteAsync(server.ConnectionString, "CREATE TABLE marker (id int); INSERT INTO marker VALUES (3)");

        await server.StopServerAsync(immediate: true);
        await server.StartServerAsync();

        Assert.Equal(3, await ScalarAsync<int>(server.ConnectionString, "SELECT id FROM marker"));
    }

    [Fact]
    public async Task Persistent_KeepsDataAcrossRuns()
    {
        var dataDirectory = Path.Combine(_folder, "pgdata");
        await using (var first = await LocalPostgres.StartPersistentAsync(dataDirectory, "eduq", fsync: false))
        {
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE marker (id int); INSERT INTO marker VALUES (1)");
        }

        Assert.True(File.Exists(Path.Combine(dataDirectory, "PG_VERSION")));
        await using var second = await LocalPostgres.StartPersistentAsync(dataDirectory, "eduq", fsync: false);
        Assert.Equal(1, await ScalarAsync<int>(second.ConnectionString, "SELECT id FROM marker"));
    }

    [Fact]
    public async Task Persistent_TakesOverFromAServerItsCrashedOwnerLeftRunning()
    {
        var dataDirectory = Path.Combine(_folder, "pgdata");
        // Never disposed: stands for the server of a run that died without stopping it.
        var abandoned = await LocalPostgres.StartPersistentAsync(dataDirectory, "eduq", fsync: false);
        await ExecuteAsync(abandoned.ConnectionString, "CREATE TABLE marker (id int); INSERT INTO marker VALUES (2)");
        var abandonedPid = await ReadPostmasterPidAsync(dataDirectory);

        await using var successor = await LocalPostgres.StartPersistentAsync(dataDirectory, "eduq", fsync: false);

        Assert.NotEqual(abandonedPid, await ReadPostmasterPidAsync(dataDirectory));
        Assert.Equal(2, await ScalarAsync<int>(successor.ConnectionString, "SELECT id FROM marker"));
    }

    [Fact]
    public async Task Persistent_IgnoresAStalePidFile()
    {
        var dataDirectory = Path.Combine(_folder, "pgdata");
        await (await LocalPostgres.StartPersistentAsync(dataDirectory, "eduq", fsync: false)).DisposeAsync();
        // A crash leaves postmaster.pid behind, and by now the pid may belong to anything, here the test host.
        await File.WriteAllTextAsync(
            Path.Combine(dataDirectory, "postmaster.pid"),
            $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}\n{dataDirectory}\n");

        await using var server = await LocalPostgres.StartPersistentAsync(dataDirectory, "eduq", fsync: false);

        Assert.Equal(1, await ScalarAsync<int>(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public void FindBinDirectory_PicksAFolderWithTheServerBinaries()
    {
        var bin = LocalPostgres.FindBinDirectory();

        Assert.True(File.Exists(Path.Combine(bin, "postgres")));
        Assert.True(File.Exists(Path.Combine(bin, "pg_ctl")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<int> ReadPostmasterPidAsync(string dataDirectory) =>
        int.Parse((await File.ReadAllLinesAsync(Path.Combine(dataDirectory, "postmaster.pid")))[0], CultureInfo.InvariantCulture);

    // Unpooled: servers come and go on recycled ports, and a pooled connection to a stopped one fails on first use.
    private static NpgsqlConnection Connect(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = Connect(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = Connect(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Assert.IsType<T>(await command.ExecuteScalarAsync());
    }
}
