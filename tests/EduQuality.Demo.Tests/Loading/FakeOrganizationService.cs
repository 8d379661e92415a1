using System.Collections.Concurrent;
using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.Demo.Tests.Loading;

/// <summary>An organisation registry that records the codes of every request in arrival order.</summary>
public sealed class FakeOrganizationService : OrganizationService.OrganizationServiceBase
{
    public ConcurrentQueue<IReadOnlyList<string>> Requests { get; } = new();

    public override Task<RegisterOrganizationsResponse> RegisterOrganizations(RegisterOrganizationsRequest request, ServerCallContext context)
    {
        Requests.Enqueue(request.Organizations.Select(o => o.Code).ToList());
        return Task.FromResult(new RegisterOrganizationsResponse { Created = request.Organizations.Count });
    }
}
