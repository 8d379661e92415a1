using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EduQuality.Server.Hosting;
using EduQuality.Storage.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EduQuality.Cli.Bench;

/// <summary>
/// The real server for a benchmark run: its own durable PostgreSQL (fsync on) unless one is given, and the server
/// in this process on free loopback ports, reached over real sockets.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly LocalPostgres? _postgres;
    private readonly WebApplication _server;

    private BenchmarkHost(LocalPostgres? postgres, WebApplication server, string connectionString, int grpcPort)
    {
        _postgres = postgres;
        _server = server;
        ConnectionString = connectionString;
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
    }

    public string ConnectionString { get; }

    public string GrpcAddress { get; }

    public IServiceProvider Services => _server.Services;

    public static async Task<BenchmarkHost> StartAsync(string? connectionString, int coalesceMilliseconds)
    {
        var postgres = connectionString is null ? await LocalPostgres.StartThrowawayAsync("eduq_bench", fsync: true) : null;
        connectionString ??= postgres!.ConnectionString;
        var grpcPort = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["EduQuality:ConnectionString"] = connectionString,
            ["EduQuality:GrpcPort"] = Text(grpcPort),
            ["EduQuality:HttpPort"] = Text(FreePort()),
            ["EduQuality:SiloPort"] = Text(FreePort()),
            ["EduQuality:GatewayPort"] = Text(FreePort()),
            ["EduQuality:ClusterId"] = "bench",
            ["EduQuality:RollupCoalesceMilliseconds"] = Text(coalesceMilliseconds),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var server = await EduQualityHost.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await server.StartAsync();
        return new BenchmarkHost(postgres, server, connectionString, grpcPort);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
