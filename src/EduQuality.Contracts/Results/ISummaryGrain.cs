using EduQuality.Domain.Summaries;
using Orleans.Concurrency;

namespace EduQuality.Contracts.Results;

/// <summary>What every per-year organisation grain answers: its summaries, one slice, and a change notification.</summary>
public interface ISummaryGrain : IGrainWithStringKey
{
    /// <summary>All slices; class slices too when <paramref name="includeClasses"/> (schools only have them).</summary>
    Task<SummarySnapshot> GetSummariesAsync(bool includeClasses);

    Task<SliceSnapshot> GetSliceAsync(SliceKey slice);

    /// <summary>
    /// Returns the current version as soon as it differs from <paramref name="knownVersion"/>, or after
    /// <paramref name="timeout"/>: a long poll that lets a watcher follow changes without observers.
    /// </summary>
    [AlwaysInterleave]
    Task<long> WaitForChangeAsync(long knownVersion, TimeSpan timeout);
}
