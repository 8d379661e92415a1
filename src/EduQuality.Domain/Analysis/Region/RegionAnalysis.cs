using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Analysis.Recommendations;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Region;

/// <summary>
/// Runs the objectivity analysis and the ШНОР/ШНСУ identification over one region's summaries and contexts and keeps
/// what is served for the last year. Pure: the same input gives the same findings.
/// </summary>
public sealed class RegionAnalysis(IndicatorCatalog catalog, ObjectivityOptions? objectivity = null, LowResultsOptions? lowResults = null)
{
    private readonly ObjectivityAnalyzer _objectivity = new(objectivity);

    public RegionFindings Run(RegionAnalysisInput input, long revision, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        var municipalities = input.MunicipalityOfSchool.GetValueOrDefault(input.Year) ?? new Dictionary<string, string>();
        var objectivity = _objectivity.Analyze(new ObjectivityInput
        {
            Schools = input.Schools,
            Region = input.Region,
            MunicipalityOfSchool = municipalities,
        });
        var flagged = objectivity.Region.Where(f => f.Year == input.Year)
            .Concat(objectivity.Municipalities.Where(f => f.Year == input.Year))
            .ToList();

        var latestProfiles = input.Contexts.OrderBy(c => c.Key).SelectMany(c => c.Value)
            .GroupBy(p => p.SchoolCode, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToList();
        var risks = objectivity.Risks.Where(r => r.Year == input.Year).ToList();
        var schoolsOfYear = input.Schools
            .Where(s => s.Value.ContainsKey(input.Year))
            .ToDictionary(s => s.Key, s => s.Value[input.Year].WholeOrganization(), StringComparer.Ordinal);
        var regionOfYear = input.Region.GetValueOrDefault(input.Year)?.WholeOrganization() ?? new SummarySet();
        if (latestProfiles.Count == 0)
        {
            return new RegionFindings(input.RegionCode, input.Year, revision, computedAt, risks, flagged, [], [], [], [],
                RecommendationRules.Generate(input.RegionCode, input.Year, risks, null, schoolsOfYear, regionOfYear));
        }

        var results = input.Schools
            .SelectMany(s => s.Value.Select(y => new SchoolYearResults(s.Key, y.Key, y.Value)))
            .ToList();
        var report = LowResultsIdentification.Run(new LowResultsInput(latestProfiles, results, input.Contexts), lowResults);
        var listed = report.Lists.SelectMany(l => l.Codes(ListKind.Target)).ToHashSet(StringComparer.Ordinal);
        return new RegionFindings(
            input.RegionCode,
            input.Year,
            revision,
            computedAt,
            risks,
            flagged,
            report.Lists,
            report.Dynamics,
            report.Histories.Where(h => listed.Contains(h.SchoolCode)).ToList(),
            NorilskIndicators.Compute(report, catalog).Where(v => v.Year == input.Year).ToList(),
            RecommendationRules.Generate(input.RegionCode, input.Year, risks, report.ListsOf(input.Year), schoolsOfYear, regionOfYear),
            report.Clusters.GetValueOrDefault(input.Year));
    }
}
