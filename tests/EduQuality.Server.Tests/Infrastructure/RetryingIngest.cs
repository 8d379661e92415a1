using System.Collections.Concurrent;
using System.Diagnostics;
using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>
/// A client as a regional system would write one: several workers send batches with SubmitBatch over a set of gRPC
/// endpoints; a batch that fails with a retryable status is sent again, with the same batch id, on the next
/// endpoint after a short backoff, until it is acknowledged. Every failure is recorded, so a test can tell what the
/// server answered while something was broken.
/// </summary>
/// <remarks>
/// Retryable: UNAVAILABLE, DEADLINE_EXCEEDED, and INTERNAL or UNKNOWN raised by the client library itself (the
/// connection died under the call, <see cref="Status.DebugException"/> is set). INTERNAL or UNKNOWN sent by the server
/// is not retryable: it stops the worker and fails <see cref="RunAsync"/>.
/// </remarks>
public sealed class RetryingIngest(IReadOnlyList<(string Name, IngestService.IngestServiceClient Client)> endpoints, TimeSpan callTimeout)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private readonly ConcurrentQueue<Failure> _failures = new();
    private readonly ConcurrentDictionary<string, BatchAck> _acknowledged = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>One failed attempt: when (since this object was created), where, what status, and who raised it.</summary>
    public sealed record Failure(TimeSpan At, string Endpoint, string BatchId, StatusCode Status, string Detail, bool RaisedByClient)
    {
        public override string ToString() =>
            $"{At.TotalSeconds,7:0.000}s {Endpoint} {BatchId}: {Status}{(RaisedByClient ? " (client side)" : "")}: {FirstLine(Detail)}";

        private static string FirstLine(string text)
        {
            var line = text.Split('\n', 2)[0].TrimEnd();
            return line.Length <= 240 ? line : line[..240] + "…";
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyList<Failure> Failures => [.. _failures];

    public IReadOnlyDictionary<string, BatchAck> Acknowledged => _acknowledged;

    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>Sends every batch until acknowledged, on <paramref name="workers"/> workers; throws on a non-retryable status or after <paramref name="timeout"/>.</summary>
    public async Task RunAsync(IReadOnlyList<ResultBatch> batches, int workers, TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timer.Token);
        Exception? firstFailure = null;
        var next = -1;
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            try
            {
                var endpoint = worker % endpoints.Count;
                for (var index = Interlocked.Increment(ref next); index < batches.Count; index = Interlocked.Increment(ref next))
                {
                    endpoint = await SendAsync(batches[index], endpoint, stop.Token);
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // A status that is not worth retrying: remember it and stop the other workers too.
                Interlocked.CompareExchange(ref firstFailure, e, null);
                await stop.CancelAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Stopped by the timeout or by another worker's failure; reported below.
            }
        })).ToList();
        await Task.WhenAll(tasks);
        if (firstFailure is not null)
        {
            throw new InvalidOperationException(
                $"Ingest stopped on a non-retryable answer after {AcknowledgedCount} of {batches.Count} batches: {firstFailure.Message}", firstFailure);
        }

        if (timer.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{AcknowledgedCount} of {batches.Count} batches acknowledged after {timeout.TotalSeconds:0} s; last failures:{Environment.NewLine}"
                + string.Join(Environment.NewLine, Failures.TakeLast(20)));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> batches are acknowledged.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan timeout, Task running)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AcknowledgedCount < count)
        {
            if (running.IsCompleted)
            {
                await running;
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"only {AcknowledgedCount} of {count} batches acknowledged within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The failures that are not a retryable answer: what a well-behaved server never sends.</summary>
    public IReadOnlyList<Failure> ServerErrors() =>
        Failures.Where(f => f.Status is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded) && !f.RaisedByClient).ToList();

    private async Task<int> SendAsync(ResultBatch batch, int endpoint, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (name, client) = endpoints[endpoint];
            try
            {
                var ack = await client.SubmitBatchAsync(batch, deadline: DateTime.UtcNow + callTimeout, cancellationToken: cancellationToken);
                _acknowledged[batch.BatchId] = ack;
                return endpoint;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                var raisedByClient = e.Status.DebugException is not null;
                _failures.Enqueue(new Failure(_clock.Elapsed, name, batch.BatchId, e.StatusCode, e.Status.Detail, raisedByClient));
                var retryable = e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
                    || (raisedByClient && e.StatusCode is StatusCode.Internal or StatusCode.Unknown);
                if (!retryable)
                {
                    throw;
                }
            }

            endpoint = (endpoint + 1) % endpoints.Count;
            var backoff = TimeSpan.FromMilliseconds(50 * Math.Pow(2, Math.Min(attempt - 1, 5)));
            await Task.Delay(backoff < MaxBackoff ? backoff : MaxBackoff, cancellationToken);
        }
    }
}
