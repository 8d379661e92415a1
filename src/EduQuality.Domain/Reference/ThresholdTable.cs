using System.Text.Json;
using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Reference;

/// <summary>
/// Versioned thresholds (пороговые значения): ЕГЭ minimum test scores per subject and the high-score rule
/// (высокобалльники) per procedure and subject. Defaults ship in Reference/thresholds.json; a region may supply
/// its own file with the same shape.
/// </summary>
public sealed class ThresholdTable
{
    private readonly ThresholdFile _file;

    private ThresholdTable(ThresholdFile file)
    {
        _file = file;
    }

    /// <summary>The version label of the table, stored with derived facts.</summary>
    public string Version => _file.Version;

    /// <summary>The defaults shipped with the system.</summary>
    public static ThresholdTable Default { get; } = LoadShipped();

    /// <summary>Reads a table from JSON; throws with the problem named when it does not validate.</summary>
    public static ThresholdTable Load(Stream json, string sourceName)
    {
        var file = JsonSerializer.Deserialize<ThresholdFile>(json, EmbeddedReference.Options)
            ?? throw new InvalidDataException($"{sourceName}: empty threshold table.");
        if (string.IsNullOrWhiteSpace(file.Version) || file.EgeMinimum is null || file.HighScore is null)
        {
            throw new InvalidDataException($"{sourceName}: a threshold table needs 'version', 'egeMinimum' and 'highScore'.");
        }

        foreach (var rule in file.HighScore)
        {
            if ((rule.TestScoreAtLeast is null) == (rule.MarkAtLeast is null))
            {
                throw new InvalidDataException(
                    $"{sourceName}: high-score rule for {rule.Procedure}/{rule.Subject} must set exactly one of testScoreAtLeast and markAtLeast.");
            }
        }

        return new ThresholdTable(file);
    }

    private static ThresholdTable LoadShipped()
    {
        using var json = EmbeddedReference.Open("thresholds.json");
        return Load(json, "thresholds.json");
    }

    /// <summary>The ЕГЭ minimum test score of a subject in a year, or null when the subject has none.</summary>
    public int? EgeMinimum(string subject, int year) =>
        _file.EgeMinimum
            .Where(m => m.Subject == subject && m.FromYear <= year)
            .OrderByDescending(m => m.FromYear)
            .Select(m => (int?)m.MinTestScore)
            .FirstOrDefault();

    /// <summary>Whether a result counts as a high score for its procedure, subject and year.</summary>
    public bool IsHighScorer(ProcedureKind procedure, string subject, int year, int? mark, int? testScore)
    {
        var rule = _file.HighScore
            .Where(r => r.Procedure == procedure && (r.Subject == subject || r.Subject == "*") && r.FromYear <= year)
            .OrderByDescending(r => r.Subject == subject)
            .ThenByDescending(r => r.FromYear)
            .FirstOrDefault();
        if (rule is null)
        {
            return false;
        }

        return rule.TestScoreAtLeast is { } minScore
            ? testScore >= minScore
            : mark >= rule.MarkAtLeast;
    }

    private sealed record ThresholdFile(string Version, List<EgeMinimumEntry> EgeMinimum, List<HighScoreRule> HighScore);

    private sealed record EgeMinimumEntry(string Subject, int FromYear, int MinTestScore);

    private sealed record HighScoreRule(ProcedureKind Procedure, string Subject, int FromYear, int? TestScoreAtLeast, int? MarkAtLeast);
}
