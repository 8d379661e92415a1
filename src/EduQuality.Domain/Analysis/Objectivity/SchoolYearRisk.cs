namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// The risk of biased results of one school in one year (риск необъективности результатов): a score 0..1, whether it
/// reaches the listing threshold, and the signs behind it, the largest contribution first.
/// </summary>
public sealed record SchoolYearRisk(
    string SchoolCode,
    string? MunicipalityCode,
    int Year,
    double Score,
    bool Flagged,
    IReadOnlyList<SignContribution> Signs);

/// <summary>
/// A sign and its share of the risk score. Signs that repeat the evidence of a stronger sign on the same work (a class
/// beside its school, a second journal share of the same work) contribute 0 and are kept to show where it is.
/// </summary>
public sealed record SignContribution(ObjectivitySign Sign, double Contribution);

/// <summary>
/// Schools with signs of biased results (школы с признаками необъективности результатов) in one year, in one municipality
/// or (when <see cref="MunicipalityCode"/> is null) in the whole region, ordered by code, not by risk.
/// </summary>
public sealed record FlaggedSchools(int Year, string? MunicipalityCode, IReadOnlyList<string> SchoolCodes);

/// <summary>The result of an objectivity analysis.</summary>
/// <param name="Risks">Every school and year with results, ordered by school code and year.</param>
/// <param name="Region">Per year, the schools of the region with signs of biased results.</param>
/// <param name="Municipalities">Per year and municipality (ordered by year, then code), the same lists.</param>
public sealed record ObjectivityReport(
    IReadOnlyList<SchoolYearRisk> Risks,
    IReadOnlyList<FlaggedSchools> Region,
    IReadOnlyList<FlaggedSchools> Municipalities);
