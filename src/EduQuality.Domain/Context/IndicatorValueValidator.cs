using System.Globalization;
using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Context;

/// <summary>
/// Checks whole batches of reported and reference indicator values: the indicator exists in the catalogue, the value is
/// a finite number (0..100 for a percentage), the organisation is registered that year, each key once.
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

    public static IReadOnlyList<Violation> ValidateReferences(string batchId, IReadOnlyList<ReferenceValue> rows, IndicatorCatalog catalog)
    {
        var violations = BatchRules.Check(batchId, rows.Count);
        var seen = new Dictionary<(string, int, ReferenceLevel), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (BatchRules.Year(i, row.Year) is { } year)
            {
                violations.Add(year);
            }

            if (!Enum.IsDefined(row.Level))
            {
                violations.Add(new Violation(i, $"rows[{i}].level", ((int)row.Level).ToString(CultureInfo.InvariantCulture), "level must be REGIONAL or FEDERAL"));
            }

            Indicator(violations, catalog, i, row.IndicatorCode, row.Value);
            if (BatchRules.Repeated(seen, (row.IndicatorCode, row.Year, row.Level), i, "indicator_code", row.IndicatorCode) is { } repeated)
            {
                violations.Add(repeated);
            }
        }

        return violations;
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
