using System.Text.Json;
using System.Text.Json.Serialization;
using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// The criteria checklists as data (Cycle/Data/criteria.json, embedded): read at start-up and checked like the
/// indicator catalogue, so that a misspelt stage, type or direction stops the server instead of scoring wrongly.
/// </summary>
public sealed class CriteriaChecklist
{
    private const string ShippedResource = "Cycle.Data.criteria.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private CriteriaChecklist(IReadOnlyList<CriterionDefinition> criteria) => Criteria = criteria;

    public IReadOnlyList<CriterionDefinition> Criteria { get; }

    /// <summary>The criteria of one direction that apply at one level, in file order.</summary>
    public IReadOnlyList<CriterionDefinition> For(string direction, OrganizationLevel level) =>
        Criteria.Where(c => c.Direction == direction && c.Levels.Contains(level)).ToList();

    /// <summary>Reads and checks the shipped checklist against the known direction codes; throws listing every problem.</summary>
    public static CriteriaChecklist LoadShipped(IReadOnlyCollection<string> directions)
    {
        var assembly = typeof(CriteriaChecklist).Assembly;
        using var stream = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.{ShippedResource}")
            ?? throw new InvalidOperationException($"{ShippedResource} is not embedded.");
        return Load(stream, ShippedResource, directions);
    }

    /// <summary>Reads and checks a checklist document; throws <see cref="InvalidDataException"/> listing every problem.</summary>
    public static CriteriaChecklist Load(Stream json, string name, IReadOnlyCollection<string> directions)
    {
        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options) ?? throw new InvalidDataException($"{name}: empty document");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }

        var problems = new List<string>();
        var criteria = new List<CriterionDefinition>();
        var codes = new HashSet<(string, OrganizationLevel)>();
        for (var i = 0; i < document.Criteria.Count; i++)
        {
            var entry = document.Criteria[i];
            void Problem(string field, string value, string what) => problems.Add($"{name}: criteria[{i}].{field} = '{value}': {what}");
            var levels = entry.Levels ?? [OrganizationLevel.Municipality, OrganizationLevel.School];
            if (string.IsNullOrWhiteSpace(entry.Code) || !levels.All(level => codes.Add((entry.Code, level))))
            {
                Problem("code", entry.Code, "a non-empty code, unique within each level, is required");
            }

            if (!directions.Contains(entry.Direction))
            {
                Problem("direction", entry.Direction, "not a direction of the catalogue");
            }

            if (entry.Stage is CycleStage.NotStarted or CycleStage.Closed)
            {
                Problem("stage", entry.Stage.ToString(), "a criterion belongs to one of the six stages");
            }

            if (string.IsNullOrWhiteSpace(entry.TextRu) || string.IsNullOrWhiteSpace(entry.Source))
            {
                Problem("textRu", entry.TextRu, "text and source are required");
            }

            if (entry.Evidence.Count == 0)
            {
                Problem("evidence", "", "at least one evidence type is required");
            }

            if (levels.Count == 0 || levels.Contains(OrganizationLevel.Region))
            {
                Problem("levels", string.Join(",", levels), "criteria tables exist for the municipal and school levels only");
            }

            criteria.Add(new CriterionDefinition(entry.Code, entry.Direction, entry.Stage, entry.TextRu, entry.Source, entry.Evidence, entry.Data, entry.Negative, levels, entry.VoidedBy));
        }

        return problems.Count > 0 ? throw new InvalidDataException(string.Join(Environment.NewLine, problems)) : new CriteriaChecklist(criteria);
    }

    private sealed record Document(string Description, List<Entry> Criteria);

    private sealed record Entry(
        string Code,
        string Direction,
        CycleStage Stage,
        string TextRu,
        string Source,
        List<EvidenceType> Evidence,
        DataSignal? Data,
        bool Negative,
        List<OrganizationLevel>? Levels,
        EvidenceType? VoidedBy);
}
