namespace EduQuality.Grains.Rollup;

/// <summary>How parents coalesce their children's changes.</summary>
public sealed class RollupOptions
{
    /// <summary>How often a parent with pending changes re-reads them (the coalescing window).</summary>
    public TimeSpan CoalesceInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the sweeper looks for parents whose pending mark was not cleared.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How old a pending mark must be before the sweeper wakes its parent (normally it is cleared within a tick).</summary>
    public TimeSpan OverdueAfter { get; set; } = TimeSpan.FromSeconds(1);
}
