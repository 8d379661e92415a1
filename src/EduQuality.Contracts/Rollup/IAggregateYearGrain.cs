using EduQuality.Contracts.Results;
using Orleans.Concurrency;

namespace EduQuality.Contracts.Rollup;

/// <summary>
/// A municipality's or region's totals for one academic year (key: <see cref="GrainKeys.ForYear"/>), rebuilt from
/// its children's durable contributions and pushed on, coalesced, to its own parent.
/// </summary>
public interface IAggregateYearGrain : ISummaryGrain
{
    /// <summary>A child's contribution changed: re-read changed contributions on the next coalescing tick.</summary>
    [OneWay]
    Task NotifyChangedAsync();

    /// <summary>Re-reads changed contributions now and returns the resulting version.</summary>
    Task<long> RefreshAsync();
}
