using EduQuality.Api.V1;
using EduQuality.Contracts;
using EduQuality.Contracts.Results;
using EduQuality.Domain.Hierarchy;
using EduQuality.Server.Mapping;
using EduQuality.Server.Rpc;
using EduQuality.Server.Security;
using EduQuality.Storage.Organizations;
using Grpc.Core;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;

namespace EduQuality.Server.Services;

/// <summary>The organisation registry over gRPC.</summary>
public sealed class OrganizationGrpcService(
    OrganizationStore store, IGrainFactory grains, Auditor auditor, ScopeAuthorizer scopes, ILogger<OrganizationGrpcService> logger)
    : OrganizationService.OrganizationServiceBase
{
    public const int MaxOrganizationsPerRequest = 10_000;

    public override async Task<RegisterOrganizationsResponse> RegisterOrganizations(RegisterOrganizationsRequest request, ServerCallContext context)
    {
        if (request.Organizations.Count is 0 or > MaxOrganizationsPerRequest)
        {
            throw InvalidInputException.Single("organizations", request.Organizations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"send 1 to {MaxOrganizationsPerRequest} organisations");
        }

        var organizations = request.Organizations.Select(OrganizationMapper.ToDomain).ToList();
        var referenced = organizations.Select(o => o.Code).Concat(organizations.Select(o => o.ParentCode)).Where(c => c.Length > 0).Distinct().ToList();
        var existing = await store.FindAsync(referenced, DateOnly.FromDateTime(DateTime.UtcNow), context.CancellationToken);
        var violations = OrganizationValidator.Validate(organizations, code => existing.GetValueOrDefault(code));
        if (violations.Count > 0)
        {
            throw new InvalidInputException($"{violations.Count} problems in the organisations; nothing was registered", violations);
        }

        var (created, updated) = await store.RegisterAsync(organizations, context.CancellationToken);
        await auditor.RecordAsync(context, "organization.registered", organizations.Select(o => (o.Code, (object)new
        {
            o.Name,
            level = o.Level.ToString(),
            o.ParentCode,
            o.Kind,
            o.Settlement,
            o.Students,
        })));
        logger.LogInformation("Organisations registered: {Created} created, {Updated} updated", created, updated);
        return new RegisterOrganizationsResponse { Created = created, Updated = updated };
    }

    public override async Task<MoveSchoolResponse> MoveSchool(MoveSchoolRequest request, ServerCallContext context)
    {
        var date = DateArgument.Parse("effective_from", request.EffectiveFrom);
        var found = await store.FindAsync([request.SchoolCode, request.NewParentCode], date, context.CancellationToken);
        if (found.GetValueOrDefault(request.SchoolCode) is not { Level: OrganizationLevel.School })
        {
            throw InvalidInputException.Single("school_code", request.SchoolCode, "no school is registered with this code");
        }

        if (found.GetValueOrDefault(request.NewParentCode) is not { Level: OrganizationLevel.Municipality })
        {
            throw InvalidInputException.Single("new_parent_code", request.NewParentCode, "no municipality is registered with this code");
        }

        var years = await store.MoveAsync(request.SchoolCode, request.NewParentCode, date, context.CancellationToken);
        var previousParent = (await store.GetAsync(request.SchoolCode, date.AddDays(-1), context.CancellationToken))?.ParentCode;
        await auditor.RecordAsync(context, "organization.moved", request.SchoolCode, new
        {
            from = previousParent,
            to = request.NewParentCode,
            effectiveFrom = request.EffectiveFrom,
            yearsRerouted = years,
        });
        await Task.WhenAll(years.Select(y => grains.GetGrain<ISchoolYearGrain>(GrainKeys.ForYear(y, request.SchoolCode)).RerouteAsync()));
        logger.LogInformation("School {School} moved to {Parent} from {Date}; years re-routed: {Years}", request.SchoolCode, request.NewParentCode, date, years);
        return new MoveSchoolResponse { YearsRerouted = { years } };
    }

    public override async Task<Api.V1.Organization> GetOrganization(GetOrganizationRequest request, ServerCallContext context)
    {
        var organization = await store.GetAsync(request.Code, DateArgument.ParseOrToday("as_of", request.AsOf), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No organisation is registered with code '{request.Code}'."));
        return OrganizationMapper.ToContract(organization);
    }

    public override async Task<ListChildrenResponse> ListChildren(ListChildrenRequest request, ServerCallContext context)
    {
        var children = await store.ChildrenAsync(request.Code, DateArgument.ParseOrToday("as_of", request.AsOf), context.CancellationToken);
        return new ListChildrenResponse { Children = { children.Select(OrganizationMapper.ToContract) } };
    }

    public override async Task<SearchOrganizationsResponse> SearchOrganizations(SearchOrganizationsRequest request, ServerCallContext context)
    {
        if (request.Text.Trim().Length < 2)
        {
            throw InvalidInputException.Single("text", request.Text, "search text needs at least 2 characters");
        }

        var limit = request.Limit is > 0 and <= 200 ? request.Limit : 50;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var found = await store.SearchAsync(request.Text.Trim(), limit, today, context.CancellationToken);
        var visible = await scopes.FilterAsync(context.Principal(), found, o => o.Code, today, context.CancellationToken);
        return new SearchOrganizationsResponse { Organizations = { visible.Select(OrganizationMapper.ToContract) } };
    }
}
