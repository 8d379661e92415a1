using static EduQuality.Demo.Scoring.SubjectCodes;

namespace EduQuality.Demo.Scoring;

/// <summary>
/// ЕГЭ works as the demo models them: maximum primary score, the median test score the region should reach and the
/// typical ability of those who choose the exam. Approximations for realistic data, not reference values.
/// </summary>
internal static class EgeWorks
{
    private static readonly Dictionary<string, (int MaxPrimary, int MedianTestScore, double TakerAbility)> Works = new(StringComparer.Ordinal)
    {
        [Russian] = (50, 66, 0.15),
        [ProfileMathematics] = (32, 60, 0.55),
        [Physics] = (45, 56, 0.55),
        [Chemistry] = (56, 56, 0.5),
        [Biology] = (57, 52, 0.3),
        [History] = (42, 56, 0.3),
        [SocialStudies] = (58, 56, 0.2),
        [ComputerScience] = (29, 60, 0.5),
        [Geography] = (37, 60, 0.3),
        [English] = (82, 68, 0.4),
        [Literature] = (48, 62, 0.3),
    };

    /// <summary>Typical ability of base mathematics takers (their mark comes from the mark scale).</summary>
    public const double BaseMathematicsTakerAbility = -0.2;

    public static (int MaxPrimary, int MedianTestScore, double TakerAbility) For(string subject) =>
        Works.TryGetValue(subject, out var work) ? work : throw new ArgumentException($"No ЕГЭ work modelled for {subject}.", nameof(subject));

    /// <summary>
    /// Test score 0–100 from a primary score: a monotone piecewise-linear curve through (0, 0), (20%, 36), (80%, 80)
    /// and (100%, 100) of the maximum, steep at the ends like the published conversion tables.
    /// </summary>
    public static int TestScore(int primary, int maxPrimary)
    {
        var x = (double)primary / maxPrimary;
        var score = x <= 0.2 ? x * 180.0
            : x <= 0.8 ? 36.0 + ((x - 0.2) * (44.0 / 0.6))
            : 80.0 + ((x - 0.8) * 100.0);
        return Math.Clamp((int)Math.Round(score, MidpointRounding.AwayFromZero), 0, 100);
    }

    /// <summary>The share of the maximum primary score that yields the test score (inverse of <see cref="TestScore"/>).</summary>
    public static double FractionFor(int testScore) => testScore <= 36 ? testScore / 180.0
        : testScore <= 80 ? 0.2 + ((testScore - 36) * (0.6 / 44.0))
        : 0.8 + ((testScore - 80) / 100.0);
}
