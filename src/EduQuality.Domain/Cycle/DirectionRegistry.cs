using EduQuality.Domain.Catalog;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// The directions a region's cycles may use: the enabled federal directions of the indicator catalogue plus the
/// region's local additions (DOMAIN.md §7.3, "direction catalogue with local names").
/// </summary>
public sealed class DirectionRegistry(IReadOnlyList<CycleDirection> federal, IReadOnlyList<CycleDirection> local)
{
    public static IReadOnlyList<CycleDirection> Federal(IndicatorCatalog catalog) =>
        catalog.Directions.Where(d => d.Enabled).Select(d => new CycleDirection(d.Code, d.NameRu, true, null)).ToList();

    /// <summary>Federal directions and those added by <paramref name="region"/>.</summary>
    public IReadOnlyList<CycleDirection> For(string region) => [.. federal, .. local.Where(d => d.Region == region)];

    public CycleDirection? Find(string region, string code) => For(region).FirstOrDefault(d => d.Code == code);

    /// <summary>Why a local direction cannot be added, or null: codes are unique within a region and never a federal code.</summary>
    public static string? LocalProblem(string code, string nameRu, IReadOnlyList<CycleDirection> existing)
    {
        if (code.Length is < 2 or > 20 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return "a code of 2..20 Latin letters, digits or '-' is required";
        }

        if (string.IsNullOrWhiteSpace(nameRu))
        {
            return "a Russian name is required";
        }

        return existing.Any(d => d.Code == code) ? "the code is already used in this region" : null;
    }
}
