using System.Globalization;
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
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions { MaxSendMessageSize = EduQualityHost.MaxMessageBytes });
        Organizations = new OrganizationService.OrganizationServiceClient(Channel);
        Ingest = new IngestService.IngestServiceClient(Channel);
        Query = new QueryService.QueryServiceClient(Channel);
    }

    public string ConnectionString { get; }

    public Uri HttpAddress { get; }

    public GrpcChannel Channel { get; }

    public OrganizationService.OrganizationServiceClient Organizations { get; }

    public IngestService.IngestServiceClient Ingest { get; }

    public QueryService.QueryServiceClient Query { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the server in this process; <paramref name="clusterId"/> joins an existing cluster (default: a new one);
    /// <paramref name="role"/> "Api" starts an API-only front end that reaches the silos through their gateways.
    /// </summary>
    public static async Task<RunningServer> StartAsync(string connectionString, int coalesceMilliseconds = 50, string? clusterId = null, string role = "Silo")
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
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = await EduQualityHost.BuildAsync([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
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
