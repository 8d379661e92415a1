using System.Net;
using System.Text.Json;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;
using Xunit;

namespace EduQuality.Server.Tests.Storage;

/// <summary>
/// Our hand-written Orleans ADO.NET SQL against the real providers: a real silo on a real PostgreSQL database with
/// ADO.NET clustering, grain storage (System.Text.Json payloads) and reminders.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansAdoNetContractTests(PostgresFixture postgres)
{
    private const string Invariant = "Npgsql";
    private const string ServiceId = "eduquality-contract-tests";
    private const string DeletingStorageName = "DeleteOnClear";
    private const int ActiveStatus = 3;
    private const int DeadStatus = 6;

    [Fact]
    public async Task WrittenState_SurvivesSiloRestart_AndIsStoredAsJson()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(OrleansAdoNetContractTests));
        var clusterId = NewClusterId();
        var written = new ContractTestState { Title = "Школа № 1", Count = 42, Tags = ["впр", "огэ"] };

        using (var silo = await StartSiloAsync(database, clusterId))
        {
            var options = silo.Services.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(ContractTestGrain.StorageName);
            Assert.IsType<SystemTextJsonGrainStorageSerializer>(options.GrainStorageSerializer);

            await GrainIn(silo, "restart").SaveAsync(written);
            await silo.StopAsync();
        }

        using (var silo = await StartSiloAsync(database, clusterId))
        {
            var read = await GrainIn(silo, "restart").GetAsync();
            Assert.Equal(written.Title, read.Title);
            Assert.Equal(written.Count, read.Count);
            Assert.Equal(written.Tags, read.Tags);
            await silo.StopAsync();
        }

        var json = await QueryScalarAsync<string>(
            database, "SELECT convert_from(payload, 'UTF8') FROM orleans_grain_state WHERE grain_id_ext = 'restart'");
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Школа № 1", document.RootElement.GetProperty("Title").GetString());
        Assert.Equal(42, document.RootElement.GetProperty("Count").GetInt32());
    }

    [Fact]
    public async Task ClearedState_ReadsBackAsDefault_AfterDeactivation()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(OrleansAdoNetContractTests));
        using var silo = await StartSiloAsync(database, NewClusterId());
        var grain = GrainIn(silo, "clear");
        await grain.SaveAsync(new ContractTestState { Title = "to be cleared", Count = 1 });

        await grain.ClearAsync();
        await grain.DeactivateAsync();

        var read = await grain.GetAsync();
        Assert.Equal("", read.Title);
        Assert.Equal(0, read.Count);
        Assert.False(await grain.RecordExistsAsync());
        // Clearing keeps the row so that versions keep growing: one write, one clear.
        Assert.Equal(2, await QueryScalarAsync<int>(database, "SELECT version FROM orleans_grain_state WHERE grain_id_ext = 'clear'"));
        Assert.True(await QueryScalarAsync<bool>(database, "SELECT payload IS NULL FROM orleans_grain_state WHERE grain_id_ext = 'clear'"));

        await grain.SaveAsync(new ContractTestState { Title = "again" });
        await grain.DeactivateAsync();
        Assert.Equal("again", (await grain.GetAsync()).Title);
        await silo.StopAsync();
    }

    [Fact]
    public async Task StaleVersions_RaiseInconsistentStateException()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(OrleansAdoNetContractTests));
        using var silo = await StartSiloAsync(database, NewClusterId());
        var grain = GrainIn(silo, "stale");
        await grain.SaveAsync(new ContractTestState { Title = "v1" });
        await grain.SaveAsync(new ContractTestState { Title = "v2" });
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(ContractTestGrain.StorageName);
        var grainId = grain.GetGrainId();

        // What a second activation that read version 1 would do.
        var staleWrite = new GrainState<ContractTestState>(new ContractTestState { Title = "lost update" }) { ETag = "1" };
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(ContractTestGrain.StateName, grainId, staleWrite));

        // What an activation that never saw the row would do: a first write over existing state.
        var blindWrite = new GrainState<ContractTestState>(new ContractTestState { Title = "blind" });
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(ContractTestGrain.StateName, grainId, blindWrite));

        var staleClear = new GrainState<ContractTestState>(new ContractTestState()) { ETag = "1", RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(ContractTestGrain.StateName, grainId, staleClear));

        Assert.Equal("v2", (await grain.GetAsync()).Title);
        var current = new GrainState<ContractTestState>();
        await storage.ReadStateAsync(ContractTestGrain.StateName, grainId, current);
        Assert.Equal("2", current.ETag);
        Assert.Equal("v2", current.State?.Title);
        await silo.StopAsync();
    }

    [Fact]
    public async Task DeleteStateOnClear_RemovesTheRow_AndTheNextWriteStartsOver()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(OrleansAdoNetContractTests));
        using var silo = await StartSiloAsync(database, NewClusterId());
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(DeletingStorageName);
        var grainId = GrainIn(silo, "delete").GetGrainId();
        var state = new GrainState<ContractTestState>(new ContractTestState { Title = "short-lived" });

        await storage.WriteStateAsync(ContractTestGrain.StateName, grainId, state);
        Assert.Equal("1", state.ETag);
        await storage.ClearStateAsync(ContractTestGrain.StateName, grainId, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, await QueryScalarAsync<long>(database, "SELECT count(*) FROM orleans_grain_state WHERE grain_id_ext = 'delete'"));
        await storage.WriteStateAsync(ContractTestGrain.StateName, grainId, state);
        Assert.Equal("1", state.ETag);
        await silo.StopAsync();
    }

    [Fact]
    public async Task Membership_ShowsTheSiloActive_ServesClientsThroughTheGatewayQuery_AndMarksItDeadOnStop()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(OrleansAdoNetContractTests));
        var clusterId = NewClusterId();
        using var silo = await StartSiloAsync(database, clusterId);

        var statuses = await QueryListAsync<int>(
            database, "SELECT status FROM orleans_membership WHERE deployment_id = @cluster", ("cluster", clusterId));
        Assert.Equal([ActiveStatus], statuses);
        Assert.True(await QueryScalarAsync<int>(
            database, "SELECT version FROM orleans_membership_version WHERE deployment_id = @cluster", ("cluster", clusterId)) > 0);

        using (var client = await StartClientAsync(database, clusterId))
        {
            var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IContractTestGrain>("via-client");
            await grain.SaveAsync(new ContractTestState { Title = "from a client" });
            Assert.Equal("from a client", (await grain.GetAsync()).Title);
            await client.StopAsync();
        }

        await silo.StopAsync();
        statuses = await QueryListAsync<int>(
            database, "SELECT status FROM orleans_membership WHERE deployment_id = @cluster", ("cluster", clusterId));
        Assert.Equal([DeadStatus], statuses);
    }

    [Fact]
    public async Task Reminder_CanBeRegisteredListedAndUnregistered()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(OrleansAdoNetContractTests));
        using var silo = await StartSiloAsync(database, NewClusterId());
        var grain = GrainIn(silo, "reminders");

        await grain.RegisterReminderAsync("daily-rollup");
        await grain.RegisterReminderAsync("weekly-report");
        await grain.RegisterReminderAsync("weekly-report");

        Assert.Equal(["daily-rollup", "weekly-report"], await grain.ListRemindersAsync());
        Assert.Equal(
            [0, 1],
            await QueryListAsync<int>(database, "SELECT version FROM orleans_reminder ORDER BY reminder_name"));

        await grain.UnregisterReminderAsync("daily-rollup");

        Assert.Equal(["weekly-report"], await grain.ListRemindersAsync());
        await silo.StopAsync();
    }

    [Fact]
    public async Task MembershipTable_AppliesChangesOnlyAtTheVersionTheyWereReadAt()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(OrleansAdoNetContractTests));
        var clusterId = NewClusterId();
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = ServiceId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = database }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        var alive = NewEntry(port: 11111, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(alive, empty.Version));
        Assert.False(await table.InsertRowAsync(NewEntry(port: 22222, SiloStatus.Active), empty.Version));

        var one = await table.ReadAllAsync();
        Assert.Equal(empty.Version.Version + 1, one.Version.Version);
        Assert.False(await table.InsertRowAsync(alive, one.Version));
        Assert.Equal(one.Version.Version, (await table.ReadAllAsync()).Version.Version);

        var (entry, etag) = Assert.Single(one.Members);
        Assert.Equal(alive.SiloAddress, entry.SiloAddress);
        Assert.Equal("silo-11111", entry.SiloName);
        entry.Status = SiloStatus.Dead;
        entry.SuspectTimes = [Tuple.Create(NewEntry(port: 33333, SiloStatus.Active).SiloAddress, Truncate(DateTime.UtcNow))];
        Assert.False(await table.UpdateRowAsync(entry, empty.Version.VersionEtag, empty.Version));
        Assert.True(await table.UpdateRowAsync(entry, etag, one.Version));

        entry.IAmAliveTime = Truncate(DateTime.UtcNow.AddMinutes(5));
        await table.UpdateIAmAliveAsync(entry);
        var row = await table.ReadRowAsync(entry.SiloAddress);
        var (stored, _) = Assert.Single(row.Members);
        Assert.Equal(SiloStatus.Dead, stored.Status);
        Assert.Equal(entry.SuspectTimes, stored.SuspectTimes);
        Assert.Equal(entry.IAmAliveTime, stored.IAmAliveTime);
        Assert.Equal(one.Version.Version + 1, row.Version.Version);
        Assert.Empty((await table.ReadRowAsync(NewEntry(port: 44444, SiloStatus.Active).SiloAddress)).Members);

        var current = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(NewEntry(port: 55555, SiloStatus.Active), current.Version));
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(1));
        var survivor = Assert.Single((await table.ReadAllAsync()).Members);
        Assert.Equal(55555, survivor.Item1.SiloAddress.Endpoint.Port);

        await table.DeleteMembershipTableEntriesAsync(clusterId);
        Assert.Equal(0L, await QueryScalarAsync<long>(
            database, "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @cluster", ("cluster", clusterId)));
        Assert.Equal(0L, await QueryScalarAsync<long>(database, "SELECT count(*) FROM orleans_membership"));
    }

    [Fact]
    public async Task ReminderTable_ReadsRingRangesInBothDirections_AndHonoursETags()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(OrleansAdoNetContractTests));
        var services = new ServiceCollection();
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = NewClusterId();
            options.ServiceId = ServiceId;
        });
        services.UseAdoNetReminderService(options => options.Configure(table =>
        {
            table.Invariant = Invariant;
            table.ConnectionString = database;
        }));
        await using var provider = services.BuildServiceProvider();
        var table = provider.GetRequiredService<IReminderTable>();
        await table.StartAsync();

        var grains = Enumerable.Range(0, 64).Select(i => GrainId.Create("contracttest", $"ring-{i}")).ToList();
        foreach (var grain in grains)
        {
            var entry = new ReminderEntry { GrainId = grain, ReminderName = "tick", StartAt = DateTime.UtcNow.AddHours(1), Period = TimeSpan.FromHours(1) };
            Assert.Equal("0", await table.UpsertRow(entry));
        }

        // (begin, end] on the unsigned ring; the provider maps these onto signed hashes and picks a query by order.
        (uint Begin, uint End)[] ranges = [(0x1000_0000, 0x3000_0000), (0x4000_0000, 0xC000_0000), (0xC000_0000, 0x4000_0000), (0x8000_0000, 0x8000_0000)];
        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(grain => InRing(grain.GetUniformHashCode(), begin, end)).Select(grain => grain.ToString()).Order();
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(reminder => reminder.GrainId.ToString()).Order();
            Assert.Equal(expected, actual);
        }

        var first = grains[0];
        var longPeriod = new ReminderEntry { GrainId = first, ReminderName = "tick", StartAt = DateTime.UtcNow, Period = TimeSpan.FromDays(60) };
        Assert.Equal("1", await table.UpsertRow(longPeriod));
        var read = await table.ReadRow(first, "tick");
        Assert.NotNull(read);
        Assert.Equal(TimeSpan.FromDays(60), read.Period);
        Assert.Single((await table.ReadRows(first)).Reminders);

        Assert.False(await table.RemoveRow(first, "tick", "0"));
        Assert.True(await table.RemoveRow(first, "tick", "1"));
        Assert.Null(await table.ReadRow(first, "tick"));

        await table.TestOnlyClearTable();
        Assert.Empty((await table.ReadRows(0u, 0u)).Reminders);
    }

    private static IContractTestGrain GrainIn(IHost host, string key) =>
        host.Services.GetRequiredService<IGrainFactory>().GetGrain<IContractTestGrain>(key);

    private static string NewClusterId() => $"contract-{Guid.NewGuid():N}";

    private static MembershipEntry NewEntry(int port, SiloStatus status)
    {
        var now = Truncate(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
            SiloName = $"silo-{port}",
            HostName = "contract-tests",
            Status = status,
            ProxyPort = port + 1,
            StartTime = now,
            IAmAliveTime = now,
        };
    }

    // PostgreSQL keeps microseconds, .NET ticks are 100 ns: compare what survives the round trip.
    private static DateTime Truncate(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static async Task<IHost> StartSiloAsync(string connectionString, string clusterId)
    {
        // Not Development: there Orleans validates the serializers of every grain interface in the loaded assemblies,
        // and the server's grains need the server's own serializer set-up, which this bare silo leaves out on purpose.
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePorts.Next(), FreePorts.Next());
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddAdoNetGrainStorage(ContractTestGrain.StorageName, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(DeletingStorageName, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
                options.DeleteStateOnClear = true;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
        });

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IHost> StartClientAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = ServiceId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
        });

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<T> QueryScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        var values = await QueryListAsync<T>(connectionString, sql, parameters);
        return Assert.Single(values);
    }

    private static async Task<List<T>> QueryListAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
