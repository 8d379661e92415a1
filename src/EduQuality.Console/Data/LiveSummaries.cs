using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.WebConsole.Data;

/// <summary>
/// A live subscription to an organisation's summaries of a year (WatchSummaries): calls back with the first snapshot
/// and then with every change, until disposed. A broken stream is reopened after a pause.
/// </summary>
public sealed class LiveSummaries : IDisposable
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop;

    private LiveSummaries(string code, int year, CancellationToken cancellationToken)
    {
        Code = code;
        Year = year;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public string Code { get; }

    public int Year { get; }

    public static LiveSummaries Start(ConsoleQueries queries, string code, int year, Func<SummariesUpdate, Task> onUpdate, CancellationToken cancellationToken)
    {
        var live = new LiveSummaries(code, year, cancellationToken);
        _ = live.RunAsync(queries, onUpdate);
        return live;
    }

    private async Task RunAsync(ConsoleQueries queries, Func<SummariesUpdate, Task> onUpdate)
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var call = queries.Watch(Code, Year, stop);
                await foreach (var update in call.ResponseStream.ReadAllAsync(stop))
                {
                    await onUpdate(update);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or RpcException && stop.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException)
            {
                // The server restarted or the call was dropped: follow again after a pause.
            }

            await Task.Delay(Reconnect, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
