namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// One sign of biased results found in a school's results (признак необъективности): what was measured, against what,
/// the threshold crossed, and a readable explanation in Russian and in English.
/// </summary>
/// <param name="Kind">The kind of sign.</param>
/// <param name="SchoolCode">The school.</param>
/// <param name="Year">The academic year (by its ending calendar year) of the results judged.</param>
/// <param name="Scope">The work, pooled works or class judged.</param>
/// <param name="Participants">Participants the measure rests on.</param>
/// <param name="Measured">The measured value, in <paramref name="Unit"/>.</param>
/// <param name="Reference">What it is compared with (the region's value, the earlier result, the exam percentile).</param>
/// <param name="Threshold">The threshold crossed.</param>
/// <param name="Unit">The unit of the three values.</param>
/// <param name="PValue">How likely a gap to the reference this large is by chance (one-sided); null where no test applies.</param>
/// <param name="Strength">0..1: 0.5 at the threshold, 1 at twice the threshold, halved when of low confidence.</param>
/// <param name="LowConfidence">True when the group is large enough to report but below the informative size.</param>
/// <param name="ComparedWith">The other results compared with (earlier year, earlier grade, exam), or null.</param>
/// <param name="ExplanationRu">The explanation in Russian.</param>
/// <param name="ExplanationEn">The explanation in English.</param>
public sealed record ObjectivitySign(
    ObjectivitySignKind Kind,
    string SchoolCode,
    int Year,
    WorkScope Scope,
    long Participants,
    double Measured,
    double Reference,
    double Threshold,
    MeasureUnit Unit,
    double? PValue,
    double Strength,
    bool LowConfidence,
    ComparedResults? ComparedWith,
    string ExplanationRu,
    string ExplanationEn)
{
    public ObjectivitySignFamily Family => ObjectivitySignKinds.FamilyOf(Kind);
}

/// <summary>The unit of a sign's measured, reference and threshold values.</summary>
public enum MeasureUnit
{
    /// <summary>A share 0..1.</summary>
    Share = 1,

    /// <summary>A ratio of two counts.</summary>
    Ratio = 2,

    /// <summary>Percentage points.</summary>
    PercentagePoints = 3,

    /// <summary>A percentile 0..100 among the region's schools.</summary>
    Percentile = 4,
}

/// <summary>The results a sign compares with: a scope in a year.</summary>
public sealed record ComparedResults(WorkScope Scope, int Year);
