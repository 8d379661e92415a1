using EduQuality.Api.V1;

namespace EduQuality.WebConsole.Data;

/// <summary>
/// Everything the console shows about one slice of one organisation: its own summary, its parent's (when the user
/// may see the parent), its children's with their names, and the three-year series.
/// </summary>
public sealed record SliceData(
    Organization Organization,
    SliceChoice Slice,
    SliceSummary Own,
    Organization? Parent,
    SliceSummary? ParentSummary,
    IReadOnlyList<(Organization Child, SliceSummary Summary)> Children,
    IReadOnlyList<SliceSummary> Series)
{
    public static async Task<SliceData> LoadAsync(ConsoleQueries queries, Organization organization, SliceChoice slice, CancellationToken cancellationToken)
    {
        var own = queries.SliceAsync(organization.Code, slice, cancellationToken);
        var series = queries.SeriesAsync(organization.Code, slice, cancellationToken);
        var childSlices = queries.ChildSlicesAsync(organization, slice, cancellationToken);
        var parent = await queries.TryParentAsync(organization.ParentCode, cancellationToken);
        var parentSummary = parent is null ? null : await queries.SliceAsync(parent.Code, slice, cancellationToken);
        var names = organization.Level == OrganizationLevel.School
            ? new Dictionary<string, Organization>()
            : (await queries.ChildrenAsync(organization.Code, cancellationToken)).ToDictionary(c => c.Code);
        var children = (await childSlices)
            .Select(s => (names.GetValueOrDefault(s.OrganizationCode) ?? new Organization { Code = s.OrganizationCode, Name = s.OrganizationCode }, s))
            .ToList();
        return new SliceData(organization, slice, await own, parent, parentSummary, children, await series);
    }
}
