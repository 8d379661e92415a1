using EduQuality.Api.V1;
using EduQuality.WebConsole.Data;

namespace EduQuality.WebConsole.Reports;

/// <summary>
/// The tables of the «Аналитическая справка»: all slices, then per slice the comparison, the dynamics and the marks;
/// then the analysis findings (biased-results risks, ШНОР/ШНСУ with reasons, indicators against targets,
/// recommendations); then the management cycle of the direction (stages with the current one and overdue dates,
/// criteria with the maturity score, recommendations and decisions with status).
/// </summary>
public static class ReportTables
{
    public static async Task<IReadOnlyList<ReportTable>> LoadAsync(ConsoleQueries queries, Organization organization, int year, CancellationToken cancellationToken)
    {
        var summaries = await queries.SummariesAsync(organization.Code, year, cancellationToken);
        var tables = new List<ReportTable> { ResultTables.Summaries(organization, year, summaries) };
        foreach (var summary in summaries)
        {
            var data = await SliceData.LoadAsync(queries, organization, SliceChoice.Of(summary.Slice), cancellationToken);
            tables.Add(ResultTables.Comparison(data));
            tables.Add(ResultTables.Series(data));
            tables.Add(ResultTables.Marks(data));
        }

        var analysis = await AnalysisData.LoadAsync(queries, organization, year, cancellationToken);
        tables.AddRange([
            AnalysisTables.Objectivity(analysis), AnalysisTables.Shnor(analysis), AnalysisTables.Shnsu(analysis),
            AnalysisTables.Indicators(analysis), AnalysisTables.Recommendations(analysis),
        ]);
        var cycle = await CycleData.LoadAsync(queries, organization, CycleData.DefaultDirection, year, cancellationToken);
        tables.AddRange([CycleTables.Stages(cycle), CycleTables.Criteria(cycle), CycleTables.Recommendations(cycle), CycleTables.Decisions(cycle)]);
        return tables;
    }
}
