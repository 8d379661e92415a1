using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// Thresholds and weights of the objectivity analysis (параметры выявления признаков необъективности). Every number is a
/// parameter; the defaults are the engineering defaults of REFERENCE-FACTS §3.4, §3.5 and §4.3, documented with their
/// origin in docs/analysis-objectivity.md. None of them is an official Rosobrnadzor rule: none was published.
/// </summary>
public sealed record ObjectivityOptions
{
    /// <summary>The defaults.</summary>
    public static ObjectivityOptions Default { get; } = new();

    /// <summary>Procedures whose results are judged (journal, boundary peaks, jumps); ВПР by default.</summary>
    public IReadOnlySet<ProcedureKind> JudgedProcedures { get; init; } = new HashSet<ProcedureKind> { ProcedureKind.Vpr };

    /// <summary>Fewest participants for any sign (ФИОКО: fewer than 20 is of limited value).</summary>
    public int MinimumParticipants { get; init; } = 20;

    /// <summary>Fewest participants for a histogram-shape sign at full confidence (ФИОКО: 50 is informative).</summary>
    public int MinimumHistogramParticipants { get; init; } = 50;

    /// <summary>
    /// Largest one-sided p-value of a measure against its reference (the region's share, the earlier result), so that a
    /// share over its threshold by chance in a small group is not a sign. A school-year is judged by about a hundred
    /// tests (works and classes × journal shares and cut points), so 0.001 leaves at most about one chance sign in ten
    /// honest school-years.
    /// </summary>
    public double Significance { get; init; } = 0.001;

    /// <summary>Strength multiplier of a low-confidence sign (a histogram of 20–49 participants).</summary>
    public double LowConfidenceFactor { get; init; } = 0.5;

    /// <summary>Flag «повысили» (ВПР mark above the term mark) above this share …</summary>
    public double RaisedShareMax { get; init; } = 0.15;

    /// <summary>… or above this multiple of the regional share of the same work, whichever is lower.</summary>
    public double RaisedRegionalMultiple { get; init; } = 3.0;

    /// <summary>
    /// Flag «подтвердили» (ВПР mark equals the term mark) below this share, when the disagreeing marks lean towards the
    /// work (as many «повысили» as «понизили» or more); leaning the other way it is the journal's leniency.
    /// </summary>
    public double ConfirmedShareMin { get; init; } = 0.5;

    /// <summary>Flag «понизили» (ВПР mark below the term mark: journal marks inflated) above this share.</summary>
    public double LoweredShareMax { get; init; } = 0.5;

    /// <summary>
    /// Flag a cut point when the mean count at the cut and cut + 1 is at least this multiple of the mean count at the two
    /// scores on each side (cut − 2, cut − 1, cut + 2, cut + 3).
    /// </summary>
    public double BoundaryPeakRatio { get; init; } = 2.0;

    /// <summary>The marks whose lowest primary score is checked for a peak.</summary>
    public IReadOnlyList<int> BoundaryMarks { get; init; } = [3, 4, 5];

    /// <summary>
    /// Flag a rise of the share of «4» and «5» (or a fall of the share of «2») by more than this many percentage points
    /// beyond the region's change over the same step, year over year or along a cohort.
    /// </summary>
    public double JumpPercentagePoints { get; init; } = 15.0;

    /// <summary>Cross-procedure: the ВПР result is at or above this percentile of the region's schools …</summary>
    public double CrossProcedureHighPercentile { get; init; } = 75.0;

    /// <summary>… while the ОГЭ or ЕГЭ result of the same subject family is at or below this one.</summary>
    public double CrossProcedureLowPercentile { get; init; } = 25.0;

    /// <summary>Fewest schools ranked in a work for its percentiles to count.</summary>
    public int MinimumRankedSchools { get; init; } = 10;

    /// <summary>Procedures whose results confirm or refute the judged ones in the cross-procedure sign.</summary>
    public IReadOnlySet<ProcedureKind> ConfirmingProcedures { get; init; } = new HashSet<ProcedureKind> { ProcedureKind.Oge, ProcedureKind.Ege };

    /// <summary>Subjects compared across procedures as one family (ЕГЭ profile and base mathematics with mathematics).</summary>
    public IReadOnlyDictionary<string, string> SubjectFamilies { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SubjectCatalog.BaseMathematics] = "MA",
        ["MAP"] = "MA",
    };

    /// <summary>Weight of each family of signs in the risk score.</summary>
    public ObjectivityWeights Weights { get; init; } = new();

    /// <summary>A school-year with a risk score at or above this is listed as having signs of biased results …</summary>
    public double FlagScore { get; init; } = 0.3;

    /// <summary>
    /// … and with signs in at least this many units (works, pooled works, subject families against an exam) of families
    /// with a weight. A school-year is judged by about a hundred tests, so at <see cref="Significance"/> 0.001 a chance
    /// sign turns up in at most about one honest school-year in ten, and chance signs in two units in well under one in a
    /// hundred.
    /// </summary>
    public int MinimumUnits { get; init; } = 2;

    /// <summary>The subject family of a subject code (the code itself unless mapped).</summary>
    public string FamilyOf(string subject) => SubjectFamilies.GetValueOrDefault(subject, subject);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(MinimumParticipants >= 1, nameof(MinimumParticipants), MinimumParticipants, "must be at least 1");
        Require(MinimumHistogramParticipants >= MinimumParticipants, nameof(MinimumHistogramParticipants), MinimumHistogramParticipants,
            "must be at least MinimumParticipants");
        Require(Significance is > 0 and < 1, nameof(Significance), Significance, "must be in (0, 1)");
        Require(LowConfidenceFactor is >= 0 and <= 1, nameof(LowConfidenceFactor), LowConfidenceFactor, "must be 0..1");
        Require(RaisedShareMax is > 0 and < 1, nameof(RaisedShareMax), RaisedShareMax, "must be in (0, 1)");
        Require(RaisedRegionalMultiple >= 1, nameof(RaisedRegionalMultiple), RaisedRegionalMultiple, "must be at least 1");
        Require(ConfirmedShareMin is > 0 and < 1, nameof(ConfirmedShareMin), ConfirmedShareMin, "must be in (0, 1)");
        Require(LoweredShareMax is > 0 and < 1, nameof(LoweredShareMax), LoweredShareMax, "must be in (0, 1)");
        Require(BoundaryPeakRatio > 1, nameof(BoundaryPeakRatio), BoundaryPeakRatio, "must be above 1");
        Require(BoundaryMarks.All(m => m is >= 3 and <= 5), nameof(BoundaryMarks), string.Join(",", BoundaryMarks), "must be marks 3..5");
        Require(JumpPercentagePoints is > 0 and < 100, nameof(JumpPercentagePoints), JumpPercentagePoints, "must be in (0, 100)");
        Require(CrossProcedureLowPercentile < CrossProcedureHighPercentile && CrossProcedureLowPercentile >= 0 && CrossProcedureHighPercentile <= 100,
            nameof(CrossProcedureHighPercentile), CrossProcedureHighPercentile, "must be above CrossProcedureLowPercentile, both within 0..100");
        Require(MinimumRankedSchools >= 2, nameof(MinimumRankedSchools), MinimumRankedSchools, "must be at least 2");
        Require(FlagScore is > 0 and <= 1, nameof(FlagScore), FlagScore, "must be in (0, 1]");
        Require(MinimumUnits >= 1, nameof(MinimumUnits), MinimumUnits, "must be at least 1");
        Weights.Validate();
    }

    internal static void Require(bool condition, string option, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"ObjectivityOptions.{option} = {value} {rule}.", option);
        }
    }
}
