using System.Diagnostics;
using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.Cli.Bench;

/// <summary>
/// Follows a region's summaries of one year over <c>WatchSummaries</c> and lets a caller wait until the region
/// counts at least a given number of participants, noting when that update arrived.
/// </summary>
internal sealed class RegionWatcher : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<SummariesUpdate> _call;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _participants;
    private long _seenAtTicks;

    public RegionWatcher(QueryService.QueryServiceClient client, string regionCode, int year)
    {
        _call = client.WatchSummaries(new WatchSummariesRequest { OrganizationCode = regionCode, Year = year }, cancellationToken: _stop.Token);
        _reading = ReadAsync();
    }

    /// <summary>Waits until the region counts at least <paramref name="participants"/>; returns the timestamp of that update.</summary>
    public async Task<long> WaitForAsync(long participants, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_participants >= participants)
                {
                    return _seenAtTicks;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            // The watch ends by cancellation.
        }

        _call.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await foreach (var update in _call.ResponseStream.ReadAllAsync(_stop.Token))
        {
            var now = Stopwatch.GetTimestamp();
            var participants = update.Summaries.Where(s => s.Slice.ClassLabel.Length == 0).Sum(s => s.Summary.Participants);
            TaskCompletionSource changed;
            lock (_gate)
            {
                _participants = participants;
                _seenAtTicks = now;
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }
    }
}
