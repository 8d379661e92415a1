using System.Diagnostics;
using System.Threading.Channels;
using EduQuality.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EduQuality.Demo;

/// <summary>
/// Feeds a demo region to a running system through its public gRPC API only: registers the organisations (region,
/// then municipalities, then schools, in requests of at most <see cref="OrganizationChunkSize"/>), then streams the
/// result batches over several concurrent UploadBatches streams, then the schools' contexts, teachers, olympiads and career guidance through ContextService. A stream carries at most
/// <see cref="BatchesPerStream"/> batches; when it fails with UNAVAILABLE or DEADLINE_EXCEEDED its unacknowledged
/// batches are sent again with the same ids (the server treats a repeated batch as a harmless duplicate) after an
/// exponential backoff, up to <see cref="MaxAttempts"/> attempts. Any other error stops the load.
/// </summary>
/// <param name="maxAttempts">Attempts per stream or registration call, at least 1.</param>
/// <param name="initialBackoff">Wait before the first retry; doubles with every further retry (default 200 ms).</param>
/// <param name="batchesPerStream">Batches sent on one stream before it is completed and acknowledged.</param>
/// <param name="streamTimeout">Deadline of one stream (default 5 minutes).</param>
public sealed class DemoLoader(int maxAttempts = 5, TimeSpan? initialBackoff = null, int batchesPerStream = 32, TimeSpan? streamTimeout = null)
{
    /// <summary>Most organisations in one RegisterOrganizations request.</summary>
    public const int OrganizationChunkSize = 1000;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public int MaxAttempts { get; } = maxAttempts >= 1 ? maxAttempts : throw new ArgumentOutOfRangeException(nameof(maxAttempts));

    public TimeSpan InitialBackoff { get; } = initialBackoff ?? TimeSpan.FromMilliseconds(200);

    public int BatchesPerStream { get; } = batchesPerStream >= 1 ? batchesPerStream : throw new ArgumentOutOfRangeException(nameof(batchesPerStream));

    public TimeSpan StreamTimeout { get; } = streamTimeout ?? TimeSpan.FromMinutes(5);

    /// <summary>Registers the region's organisations and uploads all its results on <paramref name="parallelism"/> streams.</summary>
    public async Task<DemoLoadReport> LoadAsync(
        GrpcChannel channel, DemoRegion demo, int parallelism, IProgress<DemoLoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);

        var clock = Stopwatch.StartNew();
        var counters = new Counters();
        var (created, updated) = await RegisterAsync(new OrganizationService.OrganizationServiceClient(channel), demo, counters, cancellationToken);
        var resultsStart = clock.Elapsed;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<ResultBatch>(new BoundedChannelOptions(parallelism * 4) { SingleWriter = true });
        var ingest = new IngestService.IngestServiceClient(channel);
        var producer = Task.Run(() => ProduceAsync(demo, queue.Writer, stop.Token), stop.Token);
        var streams = Enumerable.Range(0, parallelism)
            .Select(_ => Task.Run(() => StopAllOnFailureAsync(SendShareAsync(ingest, queue.Reader, demo, counters, clock, progress, stop), stop), stop.Token))
            .ToList();
        await Task.WhenAll(streams.Append(producer));
        await SendContextsAsync(new ContextService.ContextServiceClient(channel), demo, counters, cancellationToken);

        return new DemoLoadReport(
            created, updated, counters.Rows, counters.Batches, counters.Duplicates, counters.Retries, clock.Elapsed, clock.Elapsed - resultsStart);
    }

    /// <summary>A failed stream cancels the others and the producer at once, so the load stops instead of running on.</summary>
    private static async Task StopAllOnFailureAsync(Task work, CancellationTokenSource stop)
    {
        try
        {
            await work;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private async Task<(int Created, int Updated)> RegisterAsync(
        OrganizationService.OrganizationServiceClient client, DemoRegion demo, Counters counters, CancellationToken cancellationToken)
    {
        var created = 0;
        var updated = 0;
        foreach (var chunk in demo.Organizations().Chunk(OrganizationChunkSize))
        {
            var request = new RegisterOrganizationsRequest { Organizations = { chunk } };
            var response = await WithRetryAsync(
                () => client.RegisterOrganizationsAsync(request, deadline: DateTime.UtcNow + StreamTimeout, cancellationToken: cancellationToken).ResponseAsync,
                counters,
                cancellationToken);
            created += response.Created;
            updated += response.Updated;
        }

        return (created, updated);
    }

    /// <summary>
    /// The schools' social contexts, teachers, olympiad results and career guidance, one batch of each per year, after the
    /// results (a resend is a harmless duplicate).
    /// </summary>
    private async Task SendContextsAsync(ContextService.ContextServiceClient client, DemoRegion demo, Counters counters, CancellationToken cancellationToken)
    {
        var activities = new DemoActivityBatches(demo);
        foreach (var batch in DemoContextBatches.For(demo))
        {
            await SendAsync(options => client.SubmitSchoolContextAsync(batch, options).ResponseAsync);
        }

        foreach (var batch in activities.Teachers())
        {
            await SendAsync(options => client.SubmitTeachersAsync(batch, options).ResponseAsync);
        }

        foreach (var batch in activities.Olympiads())
        {
            await SendAsync(options => client.SubmitOlympiadsAsync(batch, options).ResponseAsync);
        }

        foreach (var batch in activities.CareerGuidance())
        {
            await SendAsync(options => client.SubmitCareerGuidanceAsync(batch, options).ResponseAsync);
        }

        Task SendAsync(Func<CallOptions, Task<ContextAck>> send) =>
            WithRetryAsync(() => send(new CallOptions(deadline: DateTime.UtcNow + StreamTimeout, cancellationToken: cancellationToken)), counters, cancellationToken);
    }

    private static async Task ProduceAsync(DemoRegion demo, ChannelWriter<ResultBatch> writer, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var batch in demo.Batches())
            {
                await writer.WriteAsync(batch, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    /// <summary>One stream worker: takes batches from the queue in groups and sends each group until acknowledged.</summary>
    private async Task SendShareAsync(
        IngestService.IngestServiceClient client,
        ChannelReader<ResultBatch> reader,
        DemoRegion demo,
        Counters counters,
        Stopwatch clock,
        IProgress<DemoLoadProgress>? progress,
        CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        var group = new List<ResultBatch>(BatchesPerStream);
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            group.Clear();
            var summary = await SendStreamAsync(client, group, reader, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                var unacknowledged = summary is null ? group : Unacknowledged(group, summary);
                if (summary is not null)
                {
                    counters.Acknowledge(summary);
                    progress?.Report(new DemoLoadProgress(counters.Rows, counters.Batches, demo.EstimatedRowCount, clock.Elapsed));
                }

                if (unacknowledged.Count == 0)
                {
                    break;
                }

                if (attempt >= MaxAttempts)
                {
                    throw new RpcException(new Status(
                        StatusCode.Unavailable,
                        $"Batches {unacknowledged[0].BatchId} and {unacknowledged.Count - 1} more were not acknowledged after {MaxAttempts} attempts."));
                }

                counters.Retry();
                await Task.Delay(Backoff(attempt), cancellationToken);
                group = [.. unacknowledged];
                summary = await SendStreamAsync(client, group, null, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Sends one stream: the batches of <paramref name="group"/> and, when <paramref name="fresh"/> is given, up to
    /// <see cref="BatchesPerStream"/> batches read from it (added to the group as they are sent). Returns the
    /// summary, or null when the stream failed with a status worth retrying.
    /// </summary>
    private async Task<UploadSummary?> SendStreamAsync(
        IngestService.IngestServiceClient client, List<ResultBatch> group, ChannelReader<ResultBatch>? fresh, CancellationToken cancellationToken)
    {
        using var call = client.UploadBatches(deadline: DateTime.UtcNow + StreamTimeout, cancellationToken: cancellationToken);
        try
        {
            foreach (var batch in group)
            {
                await call.RequestStream.WriteAsync(batch, cancellationToken);
            }

            while (fresh is not null && group.Count < BatchesPerStream)
            {
                if (!fresh.TryRead(out var next))
                {
                    if (!await fresh.WaitToReadAsync(cancellationToken))
                    {
                        break;
                    }

                    continue;
                }

                group.Add(next);
                await call.RequestStream.WriteAsync(next, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // A write that fails because the server ended the call reports CANCELLED or an I/O error; the call's
            // own status (read from its response) is what tells whether the stream is worth sending again.
            var status = await StatusOfFailedCallAsync(call);
            if (IsRetryable(status))
            {
                return null;
            }

            throw;
        }
    }

    private static async Task<StatusCode> StatusOfFailedCallAsync(AsyncClientStreamingCall<ResultBatch, UploadSummary> call)
    {
        try
        {
            await call.ResponseAsync;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private async Task<T> WithRetryAsync<T>(Func<Task<T>> send, Counters counters, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send();
            }
            catch (RpcException e) when (IsRetryable(e.StatusCode) && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                counters.Retry();
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    private static List<ResultBatch> Unacknowledged(List<ResultBatch> group, UploadSummary summary)
    {
        var acknowledged = summary.Batches.Select(a => a.BatchId).ToHashSet(StringComparer.Ordinal);
        return group.Where(b => !acknowledged.Contains(b.BatchId)).ToList();
    }

    private static bool IsRetryable(StatusCode status) => status is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    private TimeSpan Backoff(int attempt)
    {
        var wait = InitialBackoff * Math.Pow(2, attempt - 1);
        return wait < MaxBackoff ? wait : MaxBackoff;
    }

    private sealed class Counters
    {
        private long rows;
        private int batches;
        private int duplicates;
        private int retries;

        public long Rows => Interlocked.Read(ref rows);

        public int Batches => Volatile.Read(ref batches);

        public int Duplicates => Volatile.Read(ref duplicates);

        public int Retries => Volatile.Read(ref retries);

        public void Acknowledge(UploadSummary summary)
        {
            Interlocked.Add(ref rows, summary.Batches.Sum(a => (long)a.Rows));
            Interlocked.Add(ref batches, summary.Batches.Count);
            Interlocked.Add(ref duplicates, summary.Batches.Count(a => a.Duplicate));
        }

        public void Retry() => Interlocked.Increment(ref retries);
    }
}
