namespace EduQuality.Cli.Import;

/// <summary>Rows acknowledged so far out of those to send, and the time since sending began.</summary>
public readonly record struct ImportProgress(int RowsDone, int RowsTotal, TimeSpan Elapsed)
{
    public double RowsPerSecond => RowsDone / Math.Max(0.001, Elapsed.TotalSeconds);

    /// <summary>Estimated time to the end at the rate so far; null before the first acknowledgement.</summary>
    public TimeSpan? Remaining => RowsDone == 0 ? null : TimeSpan.FromSeconds((RowsTotal - RowsDone) / RowsPerSecond);
}
