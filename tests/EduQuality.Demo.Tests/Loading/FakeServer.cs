using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EduQuality.Demo.Tests.Loading;

/// <summary>Fake organisation, ingest and context services on a real h2c socket, with a channel to them.</summary>
public sealed class FakeServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeServer(WebApplication app, FakeOrganizationService organizations, FakeIngestService ingest, FakeContextService contexts, string address)
    {
        this.app = app;
        Organizations = organizations;
        Ingest = ingest;
        Contexts = contexts;
        Channel = GrpcChannel.ForAddress(address);
    }

    public FakeOrganizationService Organizations { get; }

    public FakeIngestService Ingest { get; }

    public FakeContextService Contexts { get; }

    public GrpcChannel Channel { get; }

    public static async Task<FakeServer> StartAsync(FakeIngestService ingest)
    {
        var organizations = new FakeOrganizationService();
        var contexts = new FakeContextService();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton(organizations);
        builder.Services.AddSingleton(ingest);
        builder.Services.AddSingleton(contexts);
        var app = builder.Build();
        app.MapGrpcService<FakeOrganizationService>();
        app.MapGrpcService<FakeIngestService>();
        app.MapGrpcService<FakeContextService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeServer(app, organizations, ingest, contexts, address);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
