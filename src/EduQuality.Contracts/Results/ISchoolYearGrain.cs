using EduQuality.Domain.Assessment;

namespace EduQuality.Contracts.Results;

/// <summary>
/// A school's results for one academic year (key: <see cref="GrainKeys.ForYear"/>): class-level summaries, the
/// raw rows behind them, and the school's contribution to its municipality.
/// </summary>
public interface ISchoolYearGrain : ISummaryGrain
{
    /// <summary>Applies this school's validated rows of one batch; returns after rows and summaries are durable.</summary>
    Task<SchoolIngestResult> IngestAsync(string batchId, IReadOnlyList<ResultRecord> rows);

    /// <summary>Re-reads the school's parent for the year and moves its contribution there if it changed.</summary>
    Task RerouteAsync();
}
