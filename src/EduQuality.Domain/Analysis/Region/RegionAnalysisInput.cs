using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Region;

/// <summary>
/// Everything the analysis of one region and year reads, for the years of the window ending with <see cref="Year"/>.
/// </summary>
/// <param name="RegionCode">The region.</param>
/// <param name="Year">The last year analysed.</param>
/// <param name="Schools">School code → year → the school's summaries by class slice (as the school grain keeps them).</param>
/// <param name="Region">Year → the region's whole-organisation summaries.</param>
/// <param name="MunicipalityOfSchool">Year → school code → municipality code, as the hierarchy stood that year.</param>
/// <param name="Contexts">Year → the contexts of the schools that have one that year.</param>
public sealed record RegionAnalysisInput(
    string RegionCode,
    int Year,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, SummarySet>> Schools,
    IReadOnlyDictionary<int, SummarySet> Region,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> MunicipalityOfSchool,
    IReadOnlyDictionary<int, IReadOnlyList<SchoolProfile>> Contexts);
