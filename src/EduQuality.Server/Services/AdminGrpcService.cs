using System.Globalization;
using System.Text.RegularExpressions;
using EduQuality.Api.V1;
using EduQuality.Domain.Security;
using EduQuality.Server.Rpc;
using EduQuality.Server.Security;
using EduQuality.Storage.Organizations;
using EduQuality.Storage.Security;
using Grpc.Core;
using Role = EduQuality.Domain.Security.Role;

namespace EduQuality.Server.Services;

/// <summary>Integration keys, local users and the audit trail, each within the caller's subtree.</summary>
public sealed partial class AdminGrpcService(
    ApiKeyStore keys,
    UserStore users,
    AuditLog auditLog,
    Auditor auditor,
    OrganizationStore organizations,
    ScopeAuthorizer scopes,
    TimeProvider time) : AdminService.AdminServiceBase
{
    public override async Task<IssueKeyResponse> IssueKey(IssueKeyRequest request, ServerCallContext context)
    {
        var caller = context.Principal();
        if (request.Name.Trim().Length is 0 or > 200)
        {
            throw InvalidInputException.Single("name", request.Name, "name is required, at most 200 characters");
        }

        var role = await CheckGrantAsync(caller, request.Role, request.Scope, context.CancellationToken);
        DateTimeOffset? expires = null;
        if (request.ExpiresAt.Length > 0)
        {
            expires = DateTimeOffset.TryParse(request.ExpiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) && parsed > time.GetUtcNow()
                ? parsed
                : throw InvalidInputException.Single("expires_at", request.ExpiresAt, "expected a future time in RFC 3339");
        }

        var (keyId, secret) = IntegrationKeySecret.New();
        var stored = new StoredKey(keyId, request.Name.Trim(), role, request.Scope, IntegrationKeySecret.Hash(IntegrationKeySecret.Parse(secret)!.Value.SecretPart),
            time.GetUtcNow(), caller.Id, expires, null);
        await keys.InsertAsync(stored, context.CancellationToken);
        await auditor.RecordAsync(context, "key.issued", request.Scope, new { keyId, name = stored.Name, role = role.ToString(), expiresAt = expires });
        return new IssueKeyResponse { Key = ToContract(stored), Secret = secret };
    }

    public override async Task<ListKeysResponse> ListKeys(ListKeysRequest request, ServerCallContext context)
    {
        var visible = await scopes.FilterAsync(context.Principal(), await keys.ListAsync(context.CancellationToken), k => k.Scope, Today(), context.CancellationToken);
        return new ListKeysResponse { Keys = { visible.Select(ToContract) } };
    }

    public override async Task<RevokeKeyResponse> RevokeKey(RevokeKeyRequest request, ServerCallContext context)
    {
        var caller = context.Principal();
        var key = await keys.FindAsync(request.KeyId, context.CancellationToken);
        if (key is null || (await scopes.FilterAsync(caller, [key], k => k.Scope, Today(), context.CancellationToken)).Count == 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No key '{request.KeyId}' within {caller.Scope}."));
        }

        var revoked = await keys.RevokeAsync(request.KeyId, context.CancellationToken);
        await auditor.RecordAsync(context, "key.revoked", key.Scope, new { keyId = key.KeyId, name = key.Name });
        return new RevokeKeyResponse { Key = ToContract(revoked!) };
    }

    public override async Task<CreateUserResponse> CreateUser(CreateUserRequest request, ServerCallContext context)
    {
        var caller = context.Principal();
        if (!LoginPattern().IsMatch(request.Login))
        {
            throw InvalidInputException.Single("login", request.Login, "login must be 3-100 letters, digits, '.', '_', '-' or '@'");
        }

        if (request.Password.Length < 12)
        {
            throw InvalidInputException.Single("password", "(hidden)", "password must have at least 12 characters");
        }

        var role = await CheckGrantAsync(caller, request.Role, request.Scope, context.CancellationToken);
        if (!await users.CreateAsync(request.Login, PasswordHashing.Hash(request.Password), role, request.Scope, caller.Id, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"User '{request.Login}' exists."));
        }

        await auditor.RecordAsync(context, "user.created", request.Scope, new { login = request.Login, role = role.ToString() });
        return new CreateUserResponse { Login = request.Login };
    }

    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var caller = context.Principal();
        var root = request.OrganizationCode.Length > 0 ? request.OrganizationCode : caller.Scope;
        var codes = root == Principal.Everything ? null : await organizations.SubtreeAsync(root, Today(), context.CancellationToken);
        var limit = request.Limit is > 0 and <= 1000 ? request.Limit : 100;
        var events = await auditLog.ListAsync(codes, request.AfterId, limit, context.CancellationToken);
        return new ListAuditEventsResponse
        {
            Events =
            {
                events.Select(e => new AuditEvent
                {
                    Id = e.Id,
                    At = e.At.ToString("O", CultureInfo.InvariantCulture),
                    Principal = e.Entry.Principal,
                    SourceAddress = e.Entry.SourceAddress,
                    Action = e.Entry.Action,
                    OrganizationCode = e.Entry.OrganizationCode,
                    DetailsJson = e.Entry.DetailsJson,
                }),
            },
        };
    }

    /// <summary>A caller may grant a role bound to an organisation of the right level within its own subtree.</summary>
    private async Task<Role> CheckGrantAsync(Principal caller, Api.V1.Role requested, string scope, CancellationToken cancellationToken)
    {
        var role = (Role)requested;
        if (!Enum.IsDefined(role))
        {
            throw InvalidInputException.Single("role", requested.ToString(), "a role is required");
        }

        if (scope == Principal.Everything)
        {
            return caller.IsInstallationWide
                ? role
                : throw new RpcException(new Status(StatusCode.PermissionDenied, "Only an installation administrator grants the scope \"*\"."));
        }

        var organization = await organizations.GetAsync(scope, Today(), cancellationToken)
            ?? throw InvalidInputException.Single("scope", scope, "no organisation is registered with this code");
        if (RoleRules.BindsTo(role) is { } level && level != organization.Level)
        {
            throw InvalidInputException.Single("scope", scope, $"a {role} is bound to a {level}, and {scope} is a {organization.Level}");
        }

        await scopes.EnsureWithinAsync(caller, new ScopeTarget([scope], Today()), cancellationToken);
        return role;
    }

    private static IntegrationKey ToContract(StoredKey key) => new()
    {
        KeyId = key.KeyId,
        Name = key.Name,
        Role = (Api.V1.Role)key.Role,
        Scope = key.Scope,
        CreatedAt = key.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        ExpiresAt = key.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        RevokedAt = key.RevokedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        CreatedBy = key.CreatedBy,
    };

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [GeneratedRegex("^[A-Za-z0-9._@-]{3,100}$")]
    private static partial Regex LoginPattern();
}
