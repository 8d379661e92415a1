using System.Diagnostics;
using System.Diagnostics.Metrics;
using EduQuality.Api.V1;
using EduQuality.Server.Rpc;
using Grpc.Core;

namespace EduQuality.Server.Observability;

/// <summary>
/// Ingest instruments (meter "EduQuality.Ingest"): rows by outcome, batches by outcome, and the time to apply one
/// batch; an activity per batch carries its id into traces.
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "EduQuality.Ingest";
    public const string ActivitySourceName = "EduQuality.Ingest";

    private static readonly ActivitySource Activities = new(ActivitySourceName);
    private readonly Counter<long> _rows;
    private readonly Counter<long> _batches;
    private readonly Histogram<double> _duration;

    public IngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _rows = meter.CreateCounter<long>("eduquality.ingest.rows", "{row}", "Result rows applied, by procedure and outcome (inserted, corrected, unchanged)");
        _batches = meter.CreateCounter<long>("eduquality.ingest.batches", "{batch}", "Result batches, by outcome (applied, duplicate, refused, failed)");
        _duration = meter.CreateHistogram<double>("eduquality.ingest.batch.duration", "s", "Time to validate, store and roll up one batch",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    /// <summary>Applies a batch through <paramref name="apply"/>, measuring it and counting its rows.</summary>
    public async Task<BatchAck> MeasureAsync(ResultBatch batch, Func<Task<BatchAck>> apply)
    {
        using var activity = Activities.StartActivity("ingest batch");
        activity?.SetTag("eduquality.batch_id", batch.BatchId);
        activity?.SetTag("eduquality.procedure", batch.Procedure.ToString());
        activity?.SetTag("eduquality.rows", batch.Rows.Count);
        var procedure = new KeyValuePair<string, object?>("procedure", batch.Procedure.ToString());
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var ack = await apply();
            outcome = ack.Duplicate ? "duplicate" : "applied";
            if (!ack.Duplicate)
            {
                _rows.Add(ack.Inserted, procedure, new("outcome", "inserted"));
                _rows.Add(ack.Corrected, procedure, new("outcome", "corrected"));
                _rows.Add(ack.Unchanged, procedure, new("outcome", "unchanged"));
            }

            return ack;
        }
        catch (Exception e) when (e is InvalidInputException or RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            activity?.SetTag("eduquality.outcome", outcome);
            _batches.Add(1, procedure, new("outcome", outcome));
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, procedure, new("outcome", outcome));
        }
    }
}
