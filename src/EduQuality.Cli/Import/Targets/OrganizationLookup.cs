using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Domain.Context;
using EduQuality.Domain.Hierarchy;
using Grpc.Core;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// The level of each organisation code a file names, as the hierarchy stood on the first day of an academic year, read
/// once per code and year through OrganizationService.GetOrganization. A key that may not read organisations leaves the
/// check to the server (the level is then unknown, null, and the code is taken as valid locally).
/// </summary>
public sealed class OrganizationLookup(OrganizationService.OrganizationServiceClient organizations)
{
    /// <summary>Known levels by (code, year): a level, Unspecified when not registered, null when this key may not read.</summary>
    private readonly Dictionary<(string Code, int Year), Api.V1.OrganizationLevel?> _levels = [];

    /// <summary>Reads the codes not read before; codes of years outside the accepted range are left to the validators.</summary>
    public async Task LoadAsync(IEnumerable<(string Code, int Year)> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys.Distinct().Where(k => k.Code.Length > 0 && !_levels.ContainsKey(k) && BatchRules.Year(0, k.Year) is null).ToList())
        {
            try
            {
                var asOf = AcademicYear.FirstDay(key.Year).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                _levels[key] = (await organizations.GetOrganizationAsync(new GetOrganizationRequest { Code = key.Code, AsOf = asOf }, cancellationToken: cancellationToken)).Level;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                _levels[key] = Api.V1.OrganizationLevel.Unspecified;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                // A writer's key may not read the registry: the server checks the code when the batch arrives.
                _levels[key] = null;
            }
        }
    }

    /// <summary>Whether the code may name a registered organisation in the year (true when unknown to this key).</summary>
    public bool IsOrganization(string code, int year) => Level(code, year) != Api.V1.OrganizationLevel.Unspecified;

    /// <summary>Whether the code may name a registered school in the year (true when unknown to this key).</summary>
    public bool IsSchool(string code, int year) => Level(code, year) is null or Api.V1.OrganizationLevel.School;

    private Api.V1.OrganizationLevel? Level(string code, int year) =>
        _levels.TryGetValue((code, year), out var level) ? level : Api.V1.OrganizationLevel.Unspecified;
}
