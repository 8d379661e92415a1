namespace EduQuality.Domain.Catalog;

/// <summary>Checks a target and the thresholds of an indicator against its unit.</summary>
internal static class TargetRules
{
    public static void CheckTarget(TargetEntry? target, IndicatorUnit? unit, bool negativeConsequence, ViolationCollector report)
    {
        if (target is null)
        {
            return;
        }

        if (negativeConsequence)
        {
            report.Add("target", $"{target.Comparator} {CatalogTerms.Text(target.Value)}".Trim(),
                "an indicator with negative consequences is an analytical view only and must not have a target");
        }

        if (!report.Known("target.comparator", target.Comparator, CatalogTerms.Comparators))
        {
            return;
        }

        if (CatalogTerms.Comparators[target.Comparator!] == TargetComparator.Yes)
        {
            if (target.Value is not null)
            {
                report.Add("target.value", CatalogTerms.Text(target.Value), "a 'yes' target takes no value");
            }

            if (unit is not null and not IndicatorUnit.Bool)
            {
                report.Add("target.comparator", target.Comparator, "a 'yes' target fits only an indicator with unit bool");
            }

            return;
        }

        if (unit == IndicatorUnit.Bool)
        {
            report.Add("target.comparator", target.Comparator, "an indicator with unit bool takes only a 'yes' target");
            return;
        }

        if (target.Value is not { } value)
        {
            report.Add("target.value", null, $"a '{target.Comparator}' target needs a value");
            return;
        }

        CheckInUnit(report, "target.value", value, unit);
    }

    public static void CheckThresholds(IndicatorThresholds? thresholds, IndicatorUnit? unit, ViolationCollector report)
    {
        if (thresholds is null)
        {
            return;
        }

        AtLeastOne(report, "thresholds.minSample", thresholds.MinSample);
        AtLeastOne(report, "thresholds.persistYears", thresholds.PersistYears);
        NotNegative(report, "thresholds.significantDeviation", thresholds.SignificantDeviation);
        NotNegative(report, "thresholds.positiveChange", thresholds.PositiveChange);
        NotNegative(report, "thresholds.adverseChange", thresholds.AdverseChange);
        if (thresholds.BottomShare is { } share && share is <= 0 or > 1)
        {
            report.Add("thresholds.bottomShare", CatalogTerms.Text(share), "must be greater than 0 and at most 1");
        }

        if (thresholds.RiskAt is { } risk)
        {
            if (unit == IndicatorUnit.Bool)
            {
                report.Add("thresholds.riskAt", CatalogTerms.Text(risk), "an indicator with unit bool has no risk value");
            }
            else
            {
                CheckInUnit(report, "thresholds.riskAt", risk, unit);
            }
        }
    }

    private static void CheckInUnit(ViolationCollector report, string field, decimal value, IndicatorUnit? unit)
    {
        if (unit == IndicatorUnit.Percent && value is < 0 or > 100)
        {
            report.Add(field, CatalogTerms.Text(value), "a percent value must be between 0 and 100");
        }
        else if (unit == IndicatorUnit.Count && value < 0)
        {
            report.Add(field, CatalogTerms.Text(value), "a count cannot be negative");
        }
        else if (unit == IndicatorUnit.Coefficient && value is < -1 or > 1)
        {
            report.Add(field, CatalogTerms.Text(value), "a correlation coefficient must be between -1 and 1");
        }
    }

    private static void AtLeastOne(ViolationCollector report, string field, int? value)
    {
        if (value is < 1)
        {
            report.Add(field, CatalogTerms.Text(value), "must be at least 1");
        }
    }

    private static void NotNegative(ViolationCollector report, string field, decimal? value)
    {
        if (value is < 0)
        {
            report.Add(field, CatalogTerms.Text(value), "must not be negative");
        }
    }
}
