using EduQuality.Domain.Analysis.Region;
using Orleans.Concurrency;

namespace EduQuality.Contracts.Analysis;

/// <summary>
/// The analysis of one region for the window of years ending with one academic year (key: <see cref="GrainKeys.ForYear"/>
/// with the region's code). Told when the region's results or contexts change, it recomputes after a quiet period
/// (docs/adr/0006-analysis-refresh.md).
/// </summary>
public interface IRegionAnalysisGrain : IGrainWithStringKey
{
    /// <summary>Something the analysis reads changed: recompute once no further change came for the debounce period.</summary>
    [OneWay]
    Task NotifyChangedAsync();

    /// <summary>The latest findings; computed now if there are none yet.</summary>
    [AlwaysInterleave]
    Task<RegionFindings> GetFindingsAsync();
}
