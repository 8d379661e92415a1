using System.Text.Json;
using EduQuality.Storage.Security;
using Grpc.Core;

namespace EduQuality.Server.Security;

/// <summary>Appends audit entries for writes made over the API, naming the caller and its address.</summary>
public sealed class Auditor(AuditLog log)
{
    public Task RecordAsync(ServerCallContext context, string action, IEnumerable<(string OrganizationCode, object Details)> items) =>
        log.AppendAsync(
            items.Select(i => new AuditEntry(context.Principal().Id, context.SourceAddress(), action, i.OrganizationCode, JsonSerializer.Serialize(i.Details))).ToList(),
            CancellationToken.None);

    public Task RecordAsync(ServerCallContext context, string action, string organizationCode, object details) =>
        RecordAsync(context, action, [(organizationCode, details)]);
}
