using System.Globalization;
using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>Wording shared by the explanations of signs, in Russian and in English.</summary>
public static class SignText
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>A share as a whole percentage, "41%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number with one decimal in Russian notation, "2,5".</summary>
    public static string NumberRu(double value) => value.ToString("0.0", Russian);

    /// <summary>A number with one decimal in English notation, "2.5".</summary>
    public static string NumberEn(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Percentage points, whole.</summary>
    public static string Points(double percentagePoints) => percentagePoints.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A whole English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st.</summary>
    public static string OrdinalEn(double value)
    {
        var n = (long)Math.Round(value, MidpointRounding.AwayFromZero);
        var suffix = (n % 100) is >= 11 and <= 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>A count with the Russian noun form it takes: 1 работа, 3 работы, 25 работ, 11 работ.</summary>
    public static string CountRu(long count, string one, string few, string many)
    {
        var lastTwo = count % 100;
        var last = count % 10;
        var noun = lastTwo is >= 11 and <= 14 ? many : last == 1 ? one : last is >= 2 and <= 4 ? few : many;
        return $"{count} {noun}";
    }

    /// <summary>«ВПР, русский язык, 5 класс, класс 5Б».</summary>
    public static string ScopeRu(WorkScope scope)
    {
        var subject = SubjectCatalog.Find(scope.Subject)?.NameRu ?? scope.Subject;
        var grades = scope.IsPooled
            ? $"{string.Join(", ", scope.Grades)} классы вместе"
            : $"{scope.Grades[0]} класс";
        var text = $"{ProcedureRu(scope.Procedure)}, {LowerFirst(subject)}, {grades}";
        return scope.ClassLabel is null ? text : $"{text}, класс {scope.ClassLabel}";
    }

    /// <summary>"VPR, Russian language, grade 5, class 5Б".</summary>
    public static string ScopeEn(WorkScope scope)
    {
        var subject = SubjectCatalog.Find(scope.Subject)?.NameEn ?? scope.Subject;
        var grades = scope.IsPooled
            ? $"grades {string.Join(", ", scope.Grades)} pooled"
            : $"grade {scope.Grades[0]}";
        var text = $"{ProcedureEn(scope.Procedure)}, {subject}, {grades}";
        return scope.ClassLabel is null ? text : $"{text}, class {scope.ClassLabel}";
    }

    public static string ProcedureRu(ProcedureKind procedure) => procedure switch
    {
        ProcedureKind.Vpr => "ВПР",
        ProcedureKind.Oge => "ОГЭ",
        ProcedureKind.Ege => "ЕГЭ",
        ProcedureKind.Niko => "НИКО",
        ProcedureKind.RegionalDiagnostic => "КДР",
        _ => procedure.ToString(),
    };

    public static string ProcedureEn(ProcedureKind procedure) => procedure switch
    {
        ProcedureKind.Vpr => "VPR",
        ProcedureKind.Oge => "OGE",
        ProcedureKind.Ege => "EGE",
        ProcedureKind.Niko => "NIKO",
        ProcedureKind.RegionalDiagnostic => "regional diagnostic",
        _ => procedure.ToString(),
    };

    private static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], Russian) + text[1..];
}
