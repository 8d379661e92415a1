namespace EduQuality.Grains.Rollup;

/// <summary>How parents coalesce their children's changes.</summary>
public sealed class RollupOptions
{
    /// <summary>How often a parent with pending changes re-reads them (the coalescing window).</summary>
    public TimeSpan CoalesceInterval { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How often an active parent re-reads contributions even without a notification, to heal a lost one.</summary>
    public TimeSpan SafetyPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
