using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Cli.Import.Tables;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Validation;
using EduQuality.Server.Mapping;
using Grpc.Core;
using Contract = EduQuality.Api.V1;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// The registry of organisations, sent through OrganizationService.RegisterOrganizations (one all-or-nothing call
/// per chunk; registering a code again updates it) and validated locally by the server's
/// <see cref="OrganizationValidator"/>. Parents must come before their children in the file or be registered already.
/// </summary>
public sealed class OrganizationTarget(OrganizationService.OrganizationServiceClient organizations, string layoutName) : IImportTarget<Contract.Organization>
{
    /// <summary>Organisations of earlier chunks of this file and those read from the server (null: not registered).</summary>
    private readonly Dictionary<string, Domain.Hierarchy.Organization?> _known = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Fields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "code", "level", "name", "parent_code", "kind", "settlement", "students",
    };

    public IReadOnlyList<string> TaskFields { get; } = [];

    public string BatchTag => layoutName;

    public string KeyField => "code";

    public string NaturalKey(Contract.Organization item) => item.Code;

    public Contract.Organization? Map(SourceRow row, LayoutBinding binding, Action<string, string, string> problem)
    {
        TEnum Enum<TEnum>(string field, string prefix) where TEnum : struct, Enum
        {
            var value = binding.Value(row, field) ?? "";
            if (value.Length == 0)
            {
                return default;
            }

            if (System.Enum.TryParse<TEnum>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !parsed.Equals(default(TEnum)))
            {
                return parsed;
            }

            problem(field, binding.RawValue(row, field), $"значение не распознано ({prefix})");
            return default;
        }

        var students = 0;
        if (binding.Value(row, "students") is { Length: > 0 } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out students))
        {
            problem("students", binding.RawValue(row, "students"), "ожидается целое неотрицательное число");
        }

        return new Contract.Organization
        {
            Code = binding.Value(row, "code") ?? "",
            Level = Enum<Contract.OrganizationLevel>("level", "регион, муниципалитет или ОО"),
            Name = binding.Value(row, "name") ?? "",
            ParentCode = binding.Value(row, "parent_code") ?? "",
            Kind = Enum<SchoolKind>("kind", "вид организации"),
            Settlement = Enum<Settlement>("settlement", "город или село"),
            Students = students,
        };
    }

    public async Task<IReadOnlyList<Violation>> ValidateAsync(IReadOnlyList<Contract.Organization> chunk, CancellationToken cancellationToken)
    {
        var domain = chunk.Select(OrganizationMapper.ToDomain).ToList();
        foreach (var code in domain.SelectMany(o => new[] { o.Code, o.ParentCode }).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Where(c => !_known.ContainsKey(c)).ToList())
        {
            _known[code] = await ReadAsync(code, cancellationToken);
        }

        var violations = OrganizationValidator.Validate(domain, code => _known.GetValueOrDefault(code));
        foreach (var organization in domain)
        {
            _known[organization.Code] ??= organization;
        }

        return violations;
    }

    public Task<IReadOnlyList<ChunkAck>> SendAsync(IReadOnlyList<ImportChunk<Contract.Organization>> chunks, CancellationToken cancellationToken) =>
        ServerRefusal.SendEachAsync(chunks, async chunk =>
        {
            var response = await organizations.RegisterOrganizationsAsync(new RegisterOrganizationsRequest { Organizations = { chunk.Items } }, cancellationToken: cancellationToken);
            return new ChunkAck(chunk.BatchId, chunk.Items.Count, response.Created, response.Updated, 0, Duplicate: false);
        });

    private async Task<Domain.Hierarchy.Organization?> ReadAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            return OrganizationMapper.ToDomain(await organizations.GetOrganizationAsync(new GetOrganizationRequest { Code = code }, cancellationToken: cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
        {
            return null;
        }
    }
}
