using Grpc.Core;
using Grpc.Net.Client;

namespace EduQuality.Api.Clients;

/// <summary>Opens a gRPC channel to an EduQuality server that sends an integration key or bearer token with every call.</summary>
public static class EduQualityChannel
{
    /// <summary>Largest message a client sends: a batch of 50 000 rows with per-task points fits.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>
    /// A channel to <paramref name="address"/>. <paramref name="apiKey"/> goes as metadata "x-api-key",
    /// <paramref name="bearerToken"/> as "authorization: Bearer …". Over plain h2c (loopback) the credentials are
    /// sent unencrypted, which only a loopback or TLS-terminated deployment should allow.
    /// </summary>
    public static GrpcChannel Create(string address, string? apiKey, string? bearerToken = null)
    {
        var options = new GrpcChannelOptions { MaxSendMessageSize = MaxMessageBytes, MaxReceiveMessageSize = MaxMessageBytes };
        if (apiKey is not null || bearerToken is not null)
        {
            var credentials = CallCredentials.FromInterceptor((_, metadata) =>
            {
                if (apiKey is not null)
                {
                    metadata.Add("x-api-key", apiKey);
                }

                if (bearerToken is not null)
                {
                    metadata.Add("authorization", $"Bearer {bearerToken}");
                }

                return Task.CompletedTask;
            });
            options.Credentials = address.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? ChannelCredentials.Create(new SslCredentials(), credentials)
                : ChannelCredentials.Create(ChannelCredentials.Insecure, credentials);
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(address, options);
    }
}
