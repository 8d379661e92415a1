using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>Urban or rural location; the numbers equal the public contract's enum numbers.</summary>
public enum SchoolSettlement
{
    Unspecified = 0,
    Urban = 1,
    Rural = 2,
}

/// <summary>
/// What the low-results analysis knows about a school's context (контекст школы): where it is, how big it is and its
/// nine social factors.
/// </summary>
/// <param name="SchoolCode">Code of the school.</param>
/// <param name="MunicipalityCode">Code of its municipality (МСО), for the municipal indicators.</param>
/// <param name="Settlement">Urban or rural location.</param>
/// <param name="Students">Number of students, for size bands.</param>
/// <param name="Factors">The nine social factors.</param>
public sealed record SchoolProfile(
    string SchoolCode,
    string MunicipalityCode,
    SchoolSettlement Settlement,
    int Students,
    SchoolContextFactors Factors);

/// <summary>
/// A school's result summaries for one academic year. Slices may be per class or whole-school; every row must be
/// counted once (classes are merged by the analysis).
/// </summary>
public sealed record SchoolYearResults(string SchoolCode, int Year, SummarySet Summaries);
