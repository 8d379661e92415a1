namespace EduQuality.Domain.Catalog;

/// <summary>
/// Applies a regional override to the entries read so far: adds its local directions and indicators, switches
/// directions on and off, then changes targets, thresholds and the enabled flag of existing indicators. Codes it names
/// that do not exist become violations naming the override file and the entry.
/// </summary>
internal static class OverrideApplier
{
    public static (List<LocatedDirection> Directions, List<LocatedIndicator> Indicators) Apply(
        IReadOnlyList<LocatedDirection> directions,
        IReadOnlyList<LocatedIndicator> indicators,
        OverrideDocument document,
        string file,
        List<CatalogViolation> problems)
    {
        new ViolationCollector(problems, file, "(profile)").Required("profile", document.Profile);
        var newDirections = directions.Concat(CatalogReader.Locate(file, document.Directions)).ToList();
        var newIndicators = indicators.Concat(CatalogReader.Locate(file, document.Indicators)).ToList();

        if (document.EnabledDirections is { } enabled)
        {
            CheckDirectionCodes(problems, file, "enabledDirections", enabled, newDirections);
            SetEnabled(newDirections, code => enabled.Contains(code, StringComparer.Ordinal));
        }

        if (document.DisabledDirections is { } disabled)
        {
            CheckDirectionCodes(problems, file, "disabledDirections", disabled, newDirections);
            SetEnabled(newDirections, code => disabled.Contains(code, StringComparer.Ordinal) ? false : null);
        }

        var changes = document.Changes ?? [];
        for (var i = 0; i < changes.Count; i++)
        {
            Change(newIndicators, changes[i], i, file, problems);
        }

        return (newDirections, newIndicators);
    }

    private static void CheckDirectionCodes(List<CatalogViolation> problems, string file, string field, List<string> codes, List<LocatedDirection> directions)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (!directions.Any(d => d.Entry.Code == codes[i]))
            {
                problems.Add(new CatalogViolation(file, codes[i], $"{field}[{i}]", codes[i], "unknown direction code"));
            }
        }
    }

    /// <summary>Sets the enabled flag of every direction the decision returns a value for.</summary>
    private static void SetEnabled(List<LocatedDirection> directions, Func<string?, bool?> decide)
    {
        for (var i = 0; i < directions.Count; i++)
        {
            if (decide(directions[i].Entry.Code) is { } enabled)
            {
                directions[i] = directions[i] with { Entry = directions[i].Entry with { Enabled = enabled } };
            }
        }
    }

    private static void Change(List<LocatedIndicator> indicators, IndicatorChange change, int index, string file, List<CatalogViolation> problems)
    {
        var report = new ViolationCollector(problems, file, string.IsNullOrWhiteSpace(change.Code) ? $"changes[{index}]" : change.Code);
        if (!report.Required($"changes[{index}].code", change.Code))
        {
            return;
        }

        var at = indicators.FindLastIndex(i => i.Entry.Code == change.Code);
        if (at < 0)
        {
            report.Add($"changes[{index}].code", change.Code,
                "unknown indicator code; an override changes only existing indicators (add new ones under 'indicators')");
            return;
        }

        if (change.Target is null && change.Thresholds is null && change.Enabled is null)
        {
            report.Add($"changes[{index}]", change.Code, "a change must set target, thresholds or enabled");
            return;
        }

        var located = indicators[at];
        var entry = located.Entry;
        if (change.Target is not null)
        {
            entry = entry with { Target = change.Target };
            located = located with { TargetFile = file };
        }

        if (change.Thresholds is not null)
        {
            entry = entry with { Thresholds = (entry.Thresholds ?? IndicatorThresholds.None).With(change.Thresholds) };
            located = located with { ThresholdsFile = file };
        }

        if (change.Enabled is not null)
        {
            entry = entry with { Enabled = change.Enabled };
        }

        indicators[at] = located with { Entry = entry };
    }
}
