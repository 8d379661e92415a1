using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Indicators;

/// <summary>
/// What is known about one organisation in one year for the evaluation of indicators. Each part is null when it is not
/// known, which makes the indicators that need it "no data" rather than zero.
/// </summary>
/// <param name="Summaries">Whole-organisation summaries: at a municipality or region, the pooled totals of its schools.</param>
/// <param name="Schools">Schools in the organisation's subtree.</param>
/// <param name="Municipalities">Municipalities in the organisation's subtree.</param>
/// <param name="Shnor">Schools of the subtree on the ШНОР list of the year.</param>
/// <param name="Shnsu">Schools of the subtree on the ШНСУ list of the year.</param>
/// <param name="Reported">Reported values by indicator code.</param>
/// <param name="Counts">Other vocabulary measures pooled over the subtree (teachers.*, olympiad.*, graduates.*), by code.</param>
public sealed record OrganizationMeasures(
    string OrganizationCode,
    OrganizationLevel Level,
    int Year,
    SummarySet? Summaries,
    int? Schools,
    int? Municipalities,
    int? Shnor,
    int? Shnsu,
    IReadOnlyDictionary<string, double> Reported,
    IReadOnlyDictionary<string, double> Counts);
