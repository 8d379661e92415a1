using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace EduQuality.Server.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class TransportAndLimitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task With_a_certificate_grpc_runs_as_http2_over_tls()
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"eduq-test-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(certificate, selfSigned.Export(X509ContentType.Pfx, "test"));
        }

        try
        {
            await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("tls"), extraSettings: new Dictionary<string, string?>
            {
                ["EduQuality:Security:CertificatePath"] = certificate,
                ["EduQuality:Security:CertificatePassword"] = "test",
            });
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.Subject == "CN=localhost";
            using var channel = GrpcChannel.ForAddress(server.GrpcAddress.Replace("http://", "https://", StringComparison.Ordinal), new GrpcChannelOptions
            {
                HttpHandler = handler,
                Credentials = ChannelCredentials.Create(new SslCredentials(), CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("x-api-key", RunningServer.AdministratorKey);
                    return Task.CompletedTask;
                })),
            });

            var region = await new OrganizationService.OrganizationServiceClient(channel).RegisterOrganizationsAsync(new RegisterOrganizationsRequest
            {
                Organizations = { new Organization { Code = "R1", Level = OrganizationLevel.Region, Name = "Область" } },
            });

            Assert.Equal(1, region.Created);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public async Task Plain_listeners_on_a_public_address_are_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("insecure"), extraSettings: new Dictionary<string, string?>
            {
                ["EduQuality:ListenAddress"] = "0.0.0.0",
            }));

        Assert.Contains("CertificatePath", error.Message);
    }

    [Fact]
    public async Task Calls_above_a_principals_rate_are_resource_exhausted()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("ratelimit"), extraSettings: new Dictionary<string, string?>
        {
            ["EduQuality:Security:RequestsPerSecond"] = "3",
        });
        var organizations = new OrganizationService.OrganizationServiceClient(server.Channel);
        var statuses = new List<StatusCode>();
        for (var i = 0; i < 12; i++)
        {
            try
            {
                await organizations.SearchOrganizationsAsync(new SearchOrganizationsRequest { Text = "Школа" });
                statuses.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                statuses.Add(e.StatusCode);
            }
        }

        Assert.Contains(StatusCode.OK, statuses);
        Assert.Contains(StatusCode.ResourceExhausted, statuses);
        Assert.DoesNotContain(statuses, s => s is not (StatusCode.OK or StatusCode.ResourceExhausted));
    }
}
