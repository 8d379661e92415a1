namespace EduQuality.Domain.Catalog;

// Catalogue entries with the file each part came from, so that every violation names the file to fix.

internal sealed record LocatedDirection(string File, string Label, DirectionEntry Entry);

/// <summary>
/// An indicator entry; <see cref="TargetFile"/> and <see cref="ThresholdsFile"/> name the override that last changed
/// the target or thresholds, because a bad change must be reported against the override, not the shipped file.
/// </summary>
internal sealed record LocatedIndicator(string File, string Label, IndicatorEntry Entry, string TargetFile, string ThresholdsFile);
