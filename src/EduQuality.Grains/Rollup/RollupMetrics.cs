using System.Diagnostics.Metrics;

namespace EduQuality.Grains.Rollup;

/// <summary>
/// Rollup instruments (meter "EduQuality.Rollup"): the lag from a child's pending mark to its parent having applied
/// the change and pushed its own totals on, measured by the database clock that set the mark.
/// </summary>
public sealed class RollupMetrics
{
    public const string MeterName = "EduQuality.Rollup";

    private readonly Histogram<double> _lag;

    public RollupMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _lag = meter.CreateHistogram<double>("eduquality.rollup.lag", "s", "Time from a child's pending mark to the parent's apply",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
    }

    public void RecordLag(IEnumerable<double> seconds)
    {
        foreach (var lag in seconds)
        {
            _lag.Record(Math.Max(0, lag));
        }
    }
}
