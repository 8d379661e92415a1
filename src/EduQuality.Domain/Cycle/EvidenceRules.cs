using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Cycle;

/// <summary>Checks one piece of evidence before it is recorded; every problem names the field and its value.</summary>
public static class EvidenceRules
{
    public const int MaxTitleLength = 500;
    public const int MaxNumberLength = 100;
    public const int MaxUrlLength = 2000;

    public static IReadOnlyList<Violation> Check(CycleEvidence evidence)
    {
        var violations = new List<Violation>();
        if (evidence.Stage is CycleStage.NotStarted or CycleStage.Closed || !Enum.IsDefined(evidence.Stage))
        {
            violations.Add(new Violation(null, "stage", evidence.Stage.ToString(), "evidence belongs to one of the six stages"));
        }

        if (!Enum.IsDefined(evidence.Type))
        {
            violations.Add(new Violation(null, "type", ((int)evidence.Type).ToString(System.Globalization.CultureInfo.InvariantCulture), "unknown document type"));
        }

        if (string.IsNullOrWhiteSpace(evidence.Title) || evidence.Title.Length > MaxTitleLength)
        {
            violations.Add(new Violation(null, "title", evidence.Title, $"a title of 1..{MaxTitleLength} characters is required"));
        }

        if (evidence.Number.Length > MaxNumberLength)
        {
            violations.Add(new Violation(null, "number", evidence.Number, $"at most {MaxNumberLength} characters"));
        }

        if (UrlProblem(evidence.Url) is { } problem)
        {
            violations.Add(new Violation(null, "url", evidence.Url, problem));
        }

        return violations;
    }

    /// <summary>Why a URL is not an absolute http or https address, or null when it is.</summary>
    public static string? UrlProblem(string url)
    {
        if (url.Length is 0 or > MaxUrlLength)
        {
            return $"a URL of 1..{MaxUrlLength} characters is required";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0 || url.Any(char.IsWhiteSpace))
        {
            return "must be an absolute http or https URL on the official site";
        }

        return null;
    }
}
