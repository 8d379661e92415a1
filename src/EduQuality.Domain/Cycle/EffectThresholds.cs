namespace EduQuality.Domain.Cycle;

/// <summary>
/// The smallest change of a target that counts as a "measurable effect" (ADR 0011), set per region like its calendar:
/// <see cref="Share"/> for shares (as a fraction: 0.01 is one percentage point; a catalogue indicator in percent is
/// judged by 100 × Share points), <see cref="Score"/> for mean scores and other score-valued indicators, and
/// <see cref="Count"/> for counts.
/// </summary>
public sealed record EffectThresholds(double Share, double Score, double Count)
{
    /// <summary>One percentage point, half a point of score, one unit of a count.</summary>
    public static readonly EffectThresholds Default = new(0.01, 0.5, 1);

    /// <summary>Why the thresholds cannot be used, naming the field, or null: each finite and above zero, a share at most 1.</summary>
    public (string Field, string Problem)? Problem()
    {
        foreach (var (field, value) in new[] { ("share", Share), ("score", Score), ("count", Count) })
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                return (field, "a finite value above zero is required");
            }
        }

        return Share > 1 ? ("share", "a share is at most 1 (one is a hundred percentage points)") : null;
    }
}
