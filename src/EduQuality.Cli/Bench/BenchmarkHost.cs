using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EduQuality.Api.Clients;
using EduQuality.Server.Hosting;
using EduQuality.Storage.Postgres;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace EduQuality.Cli.Bench;

/// <summary>
/// The real server for a benchmark run: its own durable PostgreSQL (fsync on) unless one is given, and the server
/// in this process on free loopback ports, reached over real sockets. The throwaway PostgreSQL is restarted once
/// before the server starts, with pg_stat_statements preloaded and WAL and I/O timing on, so that the benchmark can
/// say where the database's time goes.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly LocalPostgres? _postgres;
    private readonly int _coalesceMilliseconds;
    private WebApplication _server;

    private BenchmarkHost(LocalPostgres? postgres, WebApplication server, string connectionString, int grpcPort, int coalesceMilliseconds)
    {
        _postgres = postgres;
        _server = server;
        _coalesceMilliseconds = coalesceMilliseconds;
        ConnectionString = connectionString;
        GrpcAddress = Address(grpcPort);
    }

    public string ConnectionString { get; }

    public string GrpcAddress { get; private set; }

    /// <summary>The installation administrator key the benchmark's own server accepts.</summary>
    public static string AdministratorKey { get; } = "eqk_bench." + Guid.NewGuid().ToString("N");

    /// <summary>A channel to the server that authenticates as its administrator.</summary>
    public GrpcChannel OpenChannel() => EduQualityChannel.Create(GrpcAddress, AdministratorKey);

    public IServiceProvider Services => _server.Services;

    /// <summary>The PostgreSQL postmaster's process id when the benchmark runs its own server; null otherwise.</summary>
    public int? PostmasterPid
    {
        get
        {
            var pidFile = _postgres is null ? null : Path.Combine(_postgres.DataDirectory, "postmaster.pid");
            try
            {
                return pidFile is not null && File.Exists(pidFile)
                    && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    ? pid
                    : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public static async Task<BenchmarkHost> StartAsync(string? connectionString, int coalesceMilliseconds)
    {
        LocalPostgres? postgres = null;
        if (connectionString is null)
        {
            postgres = await LocalPostgres.StartThrowawayAsync("eduq_bench", fsync: true);
            await EnableStatisticsAsync(postgres);
            connectionString = postgres.ConnectionString;
        }

        var (server, grpcPort) = await StartServerAsync(connectionString, coalesceMilliseconds);
        return new BenchmarkHost(postgres, server, connectionString, grpcPort, coalesceMilliseconds);
    }

    /// <summary>Stops the server and starts a fresh one (no activations) on the same database and new ports.</summary>
    public async Task RestartServerAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        var (server, grpcPort) = await StartServerAsync(ConnectionString, _coalesceMilliseconds);
        _server = server;
        GrpcAddress = Address(grpcPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private static async Task<(WebApplication Server, int GrpcPort)> StartServerAsync(string connectionString, int coalesceMilliseconds)
    {
        var grpcPort = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["EduQuality:ConnectionString"] = connectionString,
            ["EduQuality:GrpcPort"] = Text(grpcPort),
            ["EduQuality:HttpPort"] = Text(FreePort()),
            ["EduQuality:SiloPort"] = Text(FreePort()),
            ["EduQuality:GatewayPort"] = Text(FreePort()),
            ["EduQuality:ClusterId"] = "bench",
            ["EduQuality:Security:BootstrapKey"] = AdministratorKey,
            // The query phase calls as fast as it can from one principal; the per-principal limit is not what is measured.
            ["EduQuality:Security:RequestsPerSecond"] = "1000000",
            ["EduQuality:RollupCoalesceMilliseconds"] = Text(coalesceMilliseconds),
            ["Logging:LogLevel:Default"] = "Warning",
            // It reports stalls measured from a long-past instant (an hour and more) at start: noise in the output.
            ["Logging:LogLevel:Orleans.Runtime.Watchdog"] = "Error",
        };
        var server = await EduQualityHost.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await server.StartAsync();
        return (server, grpcPort);
    }

    private static async Task EnableStatisticsAsync(LocalPostgres postgres)
    {
        // postgresql.auto.conf is read after LocalPostgres's own settings and survives its rewrite at start. The
        // extension's own settings exist only once its library is loaded, hence two restarts. ALTER SYSTEM refuses
        // to run inside a (even implicit, multi-statement) transaction block: one statement at a time.
        await AlterSystemAsync(postgres, "shared_preload_libraries = 'pg_stat_statements'", "track_wal_io_timing = on", "track_io_timing = on");
        await AlterSystemAsync(postgres, "pg_stat_statements.max = 50000");
    }

    private static async Task AlterSystemAsync(LocalPostgres postgres, params string[] settings)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync();
            foreach (var setting in settings)
            {
                await using var command = new NpgsqlCommand($"ALTER SYSTEM SET {setting}", connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        await postgres.StopServerAsync();
        await postgres.StartServerAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Address(int port) => $"http://127.0.0.1:{Text(port)}";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
