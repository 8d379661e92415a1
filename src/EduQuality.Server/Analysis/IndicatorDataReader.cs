using EduQuality.Contracts;
using EduQuality.Contracts.Analysis;
using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Analysis.Region;
using EduQuality.Domain.Hierarchy;
using EduQuality.Server.Hierarchy;
using EduQuality.Storage.Context;
using EduQuality.Storage.Organizations;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;

namespace EduQuality.Server.Analysis;

/// <summary>
/// Gathers what the indicator evaluation of one organisation reads: its pooled summaries per year (the organisation's
/// own grain: at a municipality or region, the rollup of its schools), the counts of its subtree, the ШНОР/ШНСУ lists
/// of its region's findings, student counts of its schools' contexts, teacher, olympiad and career-guidance counts of its
/// schools, reported values, and the reference values and means that hold in its region.
/// </summary>
public sealed class IndicatorDataReader(
    OrganizationDirectory directory,
    OrganizationStore organizations,
    RegionLocator regions,
    IndicatorValueStore values,
    SchoolActivityStore activities,
    SchoolContextStore contexts,
    IGrainFactory grains)
{
    /// <summary>Years in an indicator series: the year asked for and the two before it.</summary>
    public const int SeriesYears = 3;

    public async Task<(IReadOnlyList<OrganizationMeasures> Series, OrganizationMeasures? Parent, IReadOnlyList<ReferenceValue> References, IReadOnlyList<ReferenceMean> Means)> ReadAsync(
        string code, int year, CancellationToken cancellationToken)
    {
        var self = await organizations.GetAsync(code, AcademicYear.FirstDay(year), cancellationToken)
            ?? throw Rpc.InvalidInputException.Single("organization_code", code, "no organisation is registered with this code");
        var region = await regions.RegionOfAsync(code, year, cancellationToken);
        var findings = await grains.GetGrain<IRegionAnalysisGrain>(GrainKeys.ForYear(year, region)).GetFindingsAsync();
        var years = Enumerable.Range(year - SeriesYears + 1, SeriesYears).ToList();
        var reported = await values.ReadReportedAsync([code, self.ParentCode], years, cancellationToken);
        var series = new List<OrganizationMeasures>();
        foreach (var y in years)
        {
            series.Add(await MeasuresAsync(code, self.Level, y, findings, reported, cancellationToken));
        }

        var parent = self.ParentCode.Length == 0
            ? null
            : await MeasuresAsync(self.ParentCode, self.Level - 1, year, findings, reported, cancellationToken);
        return (series, parent, await values.ReadReferencesAsync(region, [year], cancellationToken), await values.ReadReferenceMeansAsync(region, year, cancellationToken));
    }

    private async Task<OrganizationMeasures> MeasuresAsync(
        string code, OrganizationLevel level, int year, RegionFindings findings, List<ReportedValue> reported, CancellationToken cancellationToken)
    {
        var summaries = (await (await directory.SummaryGrainAsync(code, year, cancellationToken)).GetSummariesAsync(includeClasses: false)).Summaries;
        var subtree = await organizations.SubtreeAsync(code, AcademicYear.FirstDay(year), cancellationToken);
        var members = await organizations.FindAsync(subtree, AcademicYear.FirstDay(year), cancellationToken);
        var schools = members.Values.Where(o => o.Level == OrganizationLevel.School).Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        var lists = findings.Lists.FirstOrDefault(l => l.Year == year);
        return new OrganizationMeasures(
            code,
            level,
            year,
            summaries,
            schools.Count,
            members.Values.Count(o => o.Level == OrganizationLevel.Municipality),
            lists?.Shnor.Count(s => schools.Contains(s.SchoolCode)),
            lists?.Shnsu.Count(s => schools.Contains(s.SchoolCode)),
            reported.Where(r => r.OrganizationCode == code && r.Year == year).ToDictionary(r => r.IndicatorCode, r => r.Value, StringComparer.Ordinal),
            (await activities.MeasuresAsync(schools, year, cancellationToken))
                .Concat(await contexts.MeasuresAsync(schools, year, cancellationToken))
                .ToDictionary(StringComparer.Ordinal));
    }
}
