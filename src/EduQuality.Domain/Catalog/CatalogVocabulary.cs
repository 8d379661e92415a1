using System.Text.Json;

namespace EduQuality.Domain.Catalog;

/// <summary>
/// The closed vocabulary (словарь) the catalogue is written in (Catalog/Data/vocabulary.json): measures, procedures, source
/// systems, evidence types and populations. Regions cannot extend it; a new measure needs code that computes it.
/// </summary>
public sealed class CatalogVocabulary
{
    private CatalogVocabulary(VocabularyFile file)
    {
        Measures = file.Measures.ToDictionary(m => m.Code, StringComparer.Ordinal);
        Procedures = file.Procedures.ToDictionary(p => p.Code, StringComparer.Ordinal);
        Systems = file.Systems.ToDictionary(s => s.Code, StringComparer.Ordinal);
        EvidenceTypes = file.EvidenceTypes.ToDictionary(e => e.Code, StringComparer.Ordinal);
        Populations = file.Populations.ToDictionary(p => p.Code, StringComparer.Ordinal);
    }

    /// <summary>The vocabulary shipped with the system.</summary>
    public static CatalogVocabulary Shipped { get; } = LoadShipped();

    /// <summary>The population used when an indicator names none: every organisation in scope.</summary>
    public const string AllPopulation = "all";

    public IReadOnlyDictionary<string, MeasureDefinition> Measures { get; }
    public IReadOnlyDictionary<string, ProcedureDefinition> Procedures { get; }
    public IReadOnlyDictionary<string, VocabularyTerm> Systems { get; }
    public IReadOnlyDictionary<string, VocabularyTerm> EvidenceTypes { get; }
    public IReadOnlyDictionary<string, VocabularyTerm> Populations { get; }

    private static CatalogVocabulary LoadShipped()
    {
        using var json = CatalogResources.Open(CatalogResources.VocabularyFile);
        var file = JsonSerializer.Deserialize<VocabularyFile>(json, CatalogResources.VocabularyOptions)
            ?? throw new InvalidDataException($"{CatalogResources.VocabularyFile} is empty.");
        return new CatalogVocabulary(file);
    }

    private sealed record VocabularyFile(
        List<MeasureDefinition> Measures,
        List<ProcedureDefinition> Procedures,
        List<VocabularyTerm> Systems,
        List<VocabularyTerm> EvidenceTypes,
        List<VocabularyTerm> Populations);
}
