using System.Globalization;
using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Context;

/// <summary>
/// Checks whole batches of reported and reference indicator values: the indicator exists in the catalogue, the value is
/// a finite number (0..100 for a percentage), the organisation is registered that year, each key once; and whole batches
/// of reference means (a region registered that year or none, a procedure, a known subject, a grade, a level, a mean
/// score 0..100).
/// </summary>
public static class IndicatorValueValidator
{
    public static IReadOnlyList<Violation> ValidateReported(
        string batchId, IReadOnlyList<ReportedValue> rows, IndicatorCatalog catalog, Func<string, int, bool> isOrganization)
    {
        var violations = BatchRules.Check(batchId, rows.Count);
        var seen = new Dictionary<(string, int, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (BatchRules.Year(i, row.Year) is { } year)
            {
                violations.Add(year);
            }
            else if (!isOrganization(row.OrganizationCode, row.Year))
            {
                violations.Add(new Violation(i, $"rows[{i}].organization_code", row.OrganizationCode, "no organisation is registered with this code in that year"));
            }

            Indicator(violations, catalog, i, row.IndicatorCode, row.Value);
            if (BatchRules.Repeated(seen, (row.OrganizationCode, row.Year, row.IndicatorCode), i, "indicator_code", row.IndicatorCode) is { } repeated)
            {
                violations.Add(repeated);
            }
        }

        return violations;
    }

    /// <param name="isRegion">Whether a code names a region registered in the year.</param>
    public static IReadOnlyList<Violation> ValidateReferences(
        string batchId, IReadOnlyList<ReferenceValue> rows, IndicatorCatalog catalog, Func<string, int, bool> isRegion)
    {
        var violations = BatchRules.Check(batchId, rows.Count);
        var seen = new Dictionary<(string, int, ReferenceLevel, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            YearLevelRegion(violations, i, row.Year, row.Level, row.RegionCode, isRegion);
            Indicator(violations, catalog, i, row.IndicatorCode, row.Value);
            if (BatchRules.Repeated(seen, (row.IndicatorCode, row.Year, row.Level, row.RegionCode), i, "indicator_code", row.IndicatorCode) is { } repeated)
            {
                violations.Add(repeated);
            }
        }

        return violations;
    }

    /// <param name="isRegion">Whether a code names a region registered in the year.</param>
    public static IReadOnlyList<Violation> ValidateReferenceMeans(string batchId, IReadOnlyList<ReferenceMean> rows, Func<string, int, bool> isRegion)
    {
        var violations = BatchRules.Check(batchId, rows.Count);
        var seen = new Dictionary<(string, int, ProcedureKind, string, int, ReferenceLevel), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            YearLevelRegion(violations, i, row.Year, row.Level, row.RegionCode, isRegion);
            if (!Enum.IsDefined(row.Procedure))
            {
                violations.Add(new Violation(i, $"rows[{i}].procedure", ((int)row.Procedure).ToString(CultureInfo.InvariantCulture), "a procedure is required"));
            }

            if (!SubjectCatalog.IsKnown(row.Subject))
            {
                violations.Add(new Violation(i, $"rows[{i}].subject", row.Subject, "unknown subject code"));
            }

            if (row.Grade is < 1 or > 11)
            {
                violations.Add(new Violation(i, $"rows[{i}].grade", row.Grade.ToString(CultureInfo.InvariantCulture), "grade must be between 1 and 11"));
            }

            if (!double.IsFinite(row.MeanScore) || row.MeanScore is < 0 or > 100)
            {
                violations.Add(new Violation(i, $"rows[{i}].mean_score", row.MeanScore.ToString("R", CultureInfo.InvariantCulture), "a mean score must be between 0 and 100"));
            }

            if (BatchRules.Repeated(seen, (row.RegionCode, row.Year, row.Procedure, row.Subject, row.Grade, row.Level), i, "subject", row.Subject) is { } repeated)
            {
                violations.Add(repeated);
            }
        }

        return violations;
    }

    /// <summary>The year in range, a level, and a region registered that year when one is named.</summary>
    private static void YearLevelRegion(List<Violation> violations, int row, int year, ReferenceLevel level, string regionCode, Func<string, int, bool> isRegion)
    {
        if (BatchRules.Year(row, year) is { } badYear)
        {
            violations.Add(badYear);
        }
        else if (regionCode.Length > 0 && !isRegion(regionCode, year))
        {
            violations.Add(new Violation(row, $"rows[{row}].region_code", regionCode, "no region is registered with this code in that year"));
        }

        if (!Enum.IsDefined(level))
        {
            violations.Add(new Violation(row, $"rows[{row}].level", ((int)level).ToString(CultureInfo.InvariantCulture), "level must be REGIONAL or FEDERAL"));
        }
    }

    private static void Indicator(List<Violation> violations, IndicatorCatalog catalog, int row, string code, double value)
    {
        var definition = catalog.Indicators.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal));
        if (definition is null)
        {
            violations.Add(new Violation(row, $"rows[{row}].indicator_code", code, "no indicator of the catalogue has this code"));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            violations.Add(new Violation(row, $"rows[{row}].value", text, "the value must be a finite number"));
        }
        else if (definition?.Unit == IndicatorUnit.Percent && value is < 0 or > 100)
        {
            violations.Add(new Violation(row, $"rows[{row}].value", text, "the indicator is a percentage: the value must be between 0 and 100"));
        }
    }
}
