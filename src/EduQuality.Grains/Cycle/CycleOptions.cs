namespace EduQuality.Grains.Cycle;

/// <summary>Settings of the cycle grains, section "EduQuality:Cycle".</summary>
public sealed class CycleOptions
{
    public const string Section = "EduQuality:Cycle";

    /// <summary>How often each open instance checks its calendar for overdue stages (Orleans reminder period).</summary>
    public TimeSpan OverdueCheckPeriod { get; set; } = TimeSpan.FromHours(6);
}
