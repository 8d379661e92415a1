using EduQuality.Server.Security;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EduQuality.Server.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class PolicyCoverageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_registered_grpc_method_and_json_endpoint_has_an_access_policy()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("policies"));
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var methods = endpoints.Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()).OfType<GrpcMethodMetadata>()
            .Select(m => m.Method.FullName).Distinct().Order().ToList();

        Assert.True(methods.Count >= 20, $"only {methods.Count} methods found");
        Assert.Contains("/eduquality.v1.IngestService/UploadBatches", methods);
        Assert.DoesNotContain(methods, m => MethodPolicies.Find(m) is null);
        Assert.DoesNotContain(MethodPolicies.Methods, m => m.StartsWith("/eduquality", StringComparison.Ordinal) && !methods.Contains(m));
    }
}
