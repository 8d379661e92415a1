using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace EduQuality.Cli.Import;

/// <summary>
/// A column layout of an export (макет выгрузки): which header feeds which field of the target, how cell values are
/// converted, and the constants the export leaves out. Layouts are data: the shipped ones are embedded JSON files
/// under Import/Layouts, and a region can pass its own file; docs/import-formats.md describes the format.
/// </summary>
public sealed record ImportLayout
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Short name used on the command line, for example "vpr-fisoko".</summary>
    public required string Name { get; init; }

    /// <summary>Russian description printed to the user.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// What the rows become: "results", "organizations" or a kind of context data ("school-context", "teachers",
    /// "olympiads", "career-guidance", "reported-values").
    /// </summary>
    public required string Target { get; init; }

    /// <summary>Procedure of every row, for result layouts (VPR, OGE, EGE, NIKO, REGIONAL_DIAGNOSTIC).</summary>
    public string Procedure { get; init; } = "";

    /// <summary>Field values the export does not carry, for example grade 9 for ОГЭ.</summary>
    public Dictionary<string, string> Constants { get; init; } = [];

    /// <summary>The mapped columns.</summary>
    public required List<LayoutColumn> Columns { get; init; }

    /// <summary>
    /// Optional pattern of per-task column headers with two groups, the task number and its maximum points
    /// (ФИС ОКО: "1 (2)"); such cells hold the points of that task.
    /// </summary>
    public string TaskColumns { get; init; } = "";

    /// <summary>The compiled <see cref="TaskColumns"/>, or null.</summary>
    [JsonIgnore]
    public Regex? TaskColumnPattern => TaskColumns.Length == 0 ? null : new Regex(TaskColumns, RegexOptions.CultureInvariant);

    /// <summary>The names of the layouts shipped with eduq.</summary>
    public static IReadOnlyList<string> Shipped { get; } =
        [.. typeof(ImportLayout).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    private const string ResourcePrefix = "EduQuality.Cli.Import.Layouts.";

    /// <summary>A shipped layout by name, or a layout file by path.</summary>
    public static ImportLayout Load(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            using var file = File.OpenRead(nameOrPath);
            return Parse(file, nameOrPath);
        }

        using var stream = typeof(ImportLayout).Assembly.GetManifestResourceStream(ResourcePrefix + nameOrPath + ".json")
            ?? throw new ImportException($"Макет «{nameOrPath}» не найден: укажите один из {string.Join(", ", Shipped)} или путь к файлу макета.");
        return Parse(stream, nameOrPath);
    }

    private static ImportLayout Parse(Stream stream, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<ImportLayout>(stream, Json) ?? throw new ImportException($"Макет {source} пуст.");
        }
        catch (JsonException e)
        {
            throw new ImportException($"Макет {source} не читается: {e.Message}");
        }
    }
}

/// <summary>One mapped column of a layout.</summary>
public sealed record LayoutColumn
{
    /// <summary>Target field, named as in the public contract (for example "primary_score").</summary>
    public required string Field { get; init; }

    /// <summary>Headers the column may carry, compared case-insensitively after trimming; the first found wins.</summary>
    public required List<string> Headers { get; init; }

    /// <summary>Whether a file without any of the headers is refused.</summary>
    public bool Required { get; init; }

    /// <summary>Whether the cells of a decimal field are percentages (3,5 for a share of 0.035).</summary>
    public bool Percent { get; init; }

    /// <summary>Conversions of cell values (compared case-insensitively) to field values; other values pass as they are.</summary>
    public Dictionary<string, string> Values { get; init; } = [];

    /// <summary>The converted value of a trimmed cell.</summary>
    public string Convert(string cell)
    {
        foreach (var (from, to) in Values)
        {
            if (string.Equals(from, cell, StringComparison.OrdinalIgnoreCase))
            {
                return to;
            }
        }

        return cell;
    }
}
