using System.Globalization;
using EduQuality.Api.Clients;
using EduQuality.Api.V1;
using EduQuality.Server.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>
/// The real server on real sockets (Kestrel, h2c gRPC and HTTP/1.1 JSON) over a real PostgreSQL database, with
/// gRPC clients on a channel to it.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, string connectionString, int grpcPort, int httpPort)
    {
        _app = app;
        ConnectionString = connectionString;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = $"http://127.0.0.1:{grpcPort}";
        Channel = EduQualityChannel.Create(GrpcAddress, AdministratorKey);
        Organizations = new OrganizationService.OrganizationServiceClient(Channel);
        Ingest = new IngestService.IngestServiceClient(Channel);
        Query = new QueryService.QueryServiceClient(Channel);
    }

    /// <summary>The installation administrator's key every test server accepts (the bootstrap key).</summary>
    public const string AdministratorKey = "eqk_0test0admin0.bootstrap-secret-for-tests";

    public string ConnectionString { get; }

    public string GrpcAddress { get; }

    public Uri HttpAddress { get; }

    public GrpcChannel Channel { get; }

    public OrganizationService.OrganizationServiceClient Organizations { get; }

    public IngestService.IngestServiceClient Ingest { get; }

    public QueryService.QueryServiceClient Query { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A channel that authenticates with another key or a bearer token (or with nothing).</summary>
    public GrpcChannel ChannelWith(string? apiKey, string? bearerToken = null) => EduQualityChannel.Create(GrpcAddress, apiKey, bearerToken);

    /// <summary>
    /// Starts the server in this process; <paramref name="clusterId"/> joins an existing cluster (default: a new one);
    /// <paramref name="role"/> "Api" starts an API-only front end that reaches the silos through their gateways.
    /// </summary>
    public static async Task<RunningServer> StartAsync(
        string connectionString, int coalesceMilliseconds = 50, string? clusterId = null, string role = "Silo", IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        // A port found free can be taken by another process before Kestrel or the silo binds it: try fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(connectionString, coalesceMilliseconds, clusterId, role, extraSettings);
            }
            catch (IOException e) when (attempt < 3 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
            }
        }
    }

    private static async Task<RunningServer> StartOnFreePortsAsync(
        string connectionString, int coalesceMilliseconds, string? clusterId, string role, IReadOnlyDictionary<string, string?>? extraSettings)
    {
        int grpcPort = FreePorts.Next(), httpPort = FreePorts.Next();
        var settings = new Dictionary<string, string?>
        {
            ["EduQuality:ConnectionString"] = connectionString,
            ["EduQuality:GrpcPort"] = Text(grpcPort),
            ["EduQuality:HttpPort"] = Text(httpPort),
            ["EduQuality:SiloPort"] = Text(FreePorts.Next()),
            ["EduQuality:GatewayPort"] = Text(FreePorts.Next()),
            ["EduQuality:ClusterId"] = clusterId ?? "test-" + Guid.NewGuid().ToString("N")[..8],
            ["EduQuality:Role"] = role,
            ["EduQuality:RollupCoalesceMilliseconds"] = Text(coalesceMilliseconds),
            ["EduQuality:Security:BootstrapKey"] = AdministratorKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        var app = await EduQualityHost.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(settings));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RunningServer(app, connectionString, grpcPort, httpPort);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
