using EduQuality.Contracts;
using EduQuality.Contracts.Analysis;

namespace EduQuality.Grains.Analysis;

/// <summary>Tells the analyses that read a region's year that it changed: that year's and the later ones whose window holds it.</summary>
public static class AnalysisRefresh
{
    /// <summary>The window is at most this long, so a year is read by at most this many analyses.</summary>
    public const int MaxWindowYears = 3;

    public static void NotifyChanged(IGrainFactory grains, string regionCode, int year)
    {
        for (var later = year; later < year + MaxWindowYears; later++)
        {
            grains.GetGrain<IRegionAnalysisGrain>(GrainKeys.ForYear(later, regionCode)).NotifyChangedAsync().Ignore();
        }
    }
}
