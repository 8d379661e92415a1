using System.Globalization;
using System.Text.Json;
using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Catalog;

/// <summary>The spelling of every enumerated field in catalogue documents; matching is exact (case-sensitive).</summary>
internal static class CatalogTerms
{
    public static IReadOnlyDictionary<string, IndicatorKind> Kinds { get; } = CamelCase<IndicatorKind>();
    public static IReadOnlyDictionary<string, IndicatorUnit> Units { get; } = CamelCase<IndicatorUnit>();
    public static IReadOnlyDictionary<string, IndicatorRollup> Rollups { get; } = CamelCase<IndicatorRollup>();
    public static IReadOnlyDictionary<string, OrganizationLevel> Levels { get; } = CamelCase<OrganizationLevel>();
    public static IReadOnlyDictionary<string, PeriodicityFrequency> Frequencies { get; } = CamelCase<PeriodicityFrequency>();
    public static IReadOnlyDictionary<string, DirectionGroup> Groups { get; } = CamelCase<DirectionGroup>();
    public static IReadOnlyDictionary<string, SourceCoverage> Coverages { get; } = CamelCase<SourceCoverage>();

    public static IReadOnlyDictionary<string, TargetComparator> Comparators { get; } =
        new Dictionary<string, TargetComparator>(StringComparer.Ordinal)
        {
            [">="] = TargetComparator.AtLeast,
            ["<="] = TargetComparator.AtMost,
            ["="] = TargetComparator.Equal,
            ["yes"] = TargetComparator.Yes,
        };

    public static IReadOnlyDictionary<string, Explicitness> Explicitness { get; } =
        new Dictionary<string, Explicitness>(StringComparer.Ordinal)
        {
            ["E"] = Catalog.Explicitness.Explicit,
            ["R"] = Catalog.Explicitness.Reconstructed,
            ["D"] = Catalog.Explicitness.Derived,
        };

    /// <summary>The accepted spellings, for messages: "expected one of a, b, c".</summary>
    public static string Expected<T>(IReadOnlyDictionary<string, T> terms) => $"expected one of {string.Join(", ", terms.Keys)}";

    /// <summary>A number as written in JSON, whatever the current culture.</summary>
    public static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>The JSON spelling of an enum value.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static Dictionary<string, T> CamelCase<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);
}
