namespace EduQuality.Grains.Analysis;

/// <summary>Settings of the live analysis.</summary>
public sealed class AnalysisOptions
{
    /// <summary>How long a region's data must stay unchanged before its analysis is recomputed.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often computed findings check the digest of the data they were computed from against the stored data, so that
    /// a change whose signal was lost is analysed all the same.
    /// </summary>
    public TimeSpan HealInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Years in the window analysed (the ШНОР persistence window): the year asked for and the ones before it; at most
    /// <see cref="AnalysisRefresh.MaxWindowYears"/>, the years a change is signalled to.
    /// </summary>
    public int WindowYears { get; set; } = AnalysisRefresh.MaxWindowYears;
}
