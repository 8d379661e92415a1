using EduQuality.Contracts;
using EduQuality.Contracts.Rollup;
using EduQuality.Storage.Rollup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EduQuality.Grains.Rollup;

/// <summary>
/// Wakes parents whose pending mark has stayed set: their notification was lost, or their silo died between a
/// child's commit and the parent's re-read. Runs in every silo; a duplicate wake-up costs one re-read.
/// </summary>
public sealed class RollupSweeper(
    ContributionStore contributions, IGrainFactory grains, IOptions<RollupOptions> options, ILogger<RollupSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var (year, code) in await contributions.OverduePendingAsync(options.Value.OverdueAfter, stoppingToken))
                {
                    await grains.GetGrain<IAggregateYearGrain>(GrainKeys.ForYear(year, code)).NotifyChangedAsync();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Rollup sweep failed, retrying at the next tick: {Error}", e.Message);
            }
        }
    }
}
