using EduQuality.Api.V1;

namespace EduQuality.Demo;

/// <summary>
/// The social and organisational context of one demo school (контекст школы), the input for context-fair comparison.
/// </summary>
/// <param name="SchoolCode">Code of the school.</param>
/// <param name="MunicipalityCode">Code of its municipality.</param>
/// <param name="Kind">Kind of organisation.</param>
/// <param name="Settlement">Urban or rural location.</param>
/// <param name="Students">Students in the last generated year (after <see cref="DemoOptions.Scale"/>).</param>
/// <param name="StudentsPerGrade">Typical size of one grade (параллель) after scaling; 0 for organisations without grades.</param>
/// <param name="Factors">The nine social factors.</param>
/// <param name="SocialAdvantage">
/// The latent social advantage (z-score scale, mean 0 over general schools, higher = more advantaged) from which the
/// factors were drawn and which drives the school's results: the ground truth an index or regression should recover.
/// </param>
public sealed record SchoolContext(
    string SchoolCode,
    string MunicipalityCode,
    SchoolKind Kind,
    Settlement Settlement,
    int Students,
    int StudentsPerGrade,
    SocialFactors Factors,
    double SocialAdvantage);
