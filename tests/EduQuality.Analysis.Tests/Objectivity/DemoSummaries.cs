using EduQuality.Demo;
using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Reference;
using EduQuality.Domain.Summaries;
using EduQuality.Server.Mapping;

namespace EduQuality.Analysis.Tests.Objectivity;

/// <summary>
/// The demo region's results summarised in memory the way the ingest does it (the ingest's own row mapper, facts derived
/// with the shipped thresholds): per school and year by class slice, and the region per year by whole-region slice.
/// </summary>
internal static class DemoSummaries
{
    public static ObjectivityInput Build(DemoRegion region)
    {
        var schools = new Dictionary<string, Dictionary<int, SummarySet>>(StringComparer.Ordinal);
        var regionSets = new Dictionary<int, SummarySet>();
        foreach (var batch in region.Batches())
        {
            foreach (var row in ResultRowMapper.ToRecords(batch))
            {
                var facts = ResultFactsDeriver.Derive(row, ThresholdTable.Default);
                var slice = SliceKey.Of(row);
                SetOf(schools, row.SchoolCode, row.Year).Apply(slice, facts, 1);
                if (!regionSets.TryGetValue(row.Year, out var regionSet))
                {
                    regionSet = new SummarySet();
                    regionSets[row.Year] = regionSet;
                }

                regionSet.Apply(slice.ToWholeOrganization(), facts, 1);
            }
        }

        return new ObjectivityInput
        {
            Schools = schools.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<int, SummarySet>)s.Value, StringComparer.Ordinal),
            Region = regionSets,
            MunicipalityOfSchool = region.Contexts.ToDictionary(c => c.SchoolCode, c => c.MunicipalityCode, StringComparer.Ordinal),
            MarkScales = MarkScaleTable.Find,
        };
    }

    private static SummarySet SetOf(Dictionary<string, Dictionary<int, SummarySet>> schools, string school, int year)
    {
        if (!schools.TryGetValue(school, out var years))
        {
            years = [];
            schools[school] = years;
        }

        if (!years.TryGetValue(year, out var set))
        {
            set = new SummarySet();
            years[year] = set;
        }

        return set;
    }
}
