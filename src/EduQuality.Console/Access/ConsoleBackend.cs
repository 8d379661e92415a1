using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using EduQuality.Api.Clients;
using EduQuality.Api.V1;

namespace EduQuality.WebConsole.Access;

/// <summary>
/// The console's way into the system: the server's own gRPC services over one loopback channel, each call carrying
/// the signed-in user's bearer token, so the console sees exactly what the user may see through the API
/// (docs/adr/0018-console-blazor-over-loopback-grpc.md).
/// </summary>
public sealed class ConsoleBackend(ConsoleOptions options) : IDisposable
{
    private readonly GrpcChannel _channel = EduQualityChannel.Create(options.GrpcAddress, apiKey: null);

    /// <summary>Sign-in of local users; the one call made without a token.</summary>
    public AuthService.AuthServiceClient Auth => new(_channel);

    /// <summary>Clients that act as the user whose token this is.</summary>
    public ConsoleClients For(string bearerToken)
    {
        var invoker = _channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {bearerToken}");
            return metadata;
        });
        return new ConsoleClients(
            new OrganizationService.OrganizationServiceClient(invoker), new QueryService.QueryServiceClient(invoker), new AnalysisService.AnalysisServiceClient(invoker),
            new CycleService.CycleServiceClient(invoker));
    }

    public void Dispose() => _channel.Dispose();
}

/// <summary>gRPC clients bound to one user's token.</summary>
public sealed record ConsoleClients(
    OrganizationService.OrganizationServiceClient Organizations, QueryService.QueryServiceClient Query, AnalysisService.AnalysisServiceClient Analysis,
    CycleService.CycleServiceClient Cycle);

/// <summary>Where the console reaches the server's gRPC port (loopback, h2c or TLS).</summary>
public sealed record ConsoleOptions(string GrpcAddress);
