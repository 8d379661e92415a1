using EduQuality.Domain.Reference;

namespace EduQuality.Domain.Assessment;

/// <summary>A school subject (учебный предмет) by its code.</summary>
public sealed record Subject(string Code, string NameRu, string NameEn);

/// <summary>The catalogue of subject codes accepted in results (Reference/subjects.json).</summary>
public static class SubjectCatalog
{
    /// <summary>ЕГЭ base mathematics: graded with a mark, not a 100-point score.</summary>
    public const string BaseMathematics = "MAB";

    private static readonly Dictionary<string, Subject> ByCode =
        EmbeddedReference.Read<List<Subject>>("subjects.json").ToDictionary(s => s.Code, StringComparer.Ordinal);

    /// <summary>All subjects.</summary>
    public static IReadOnlyCollection<Subject> All => ByCode.Values;

    /// <summary>Whether the code names a known subject.</summary>
    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    /// <summary>The subject with this code, or null.</summary>
    public static Subject? Find(string code) => ByCode.GetValueOrDefault(code);
}
