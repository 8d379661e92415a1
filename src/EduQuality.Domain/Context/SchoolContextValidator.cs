using System.Globalization;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Context;

/// <summary>One row of a school-context batch, in the contract's field order; <see cref="StudentCounts.Students"/> is 0 when not given.</summary>
public sealed record SchoolContextRecord(string SchoolCode, int Year, SchoolContextFactors Factors, StudentCounts Counts);

/// <summary>
/// Checks a whole school-context batch before anything of it is stored: the batch id, the row count, and every row's
/// school (a registered school that year), year, shares (0..1), student counts (<see cref="StudentCounts.Check"/>) and
/// key (once per batch).
/// </summary>
public static class SchoolContextValidator
{
    public static IReadOnlyList<Violation> Validate(string batchId, IReadOnlyList<SchoolContextRecord> rows, Func<string, int, bool> isSchool)
    {
        var violations = BatchRules.Check(batchId, rows.Count);
        var seen = new Dictionary<(string, int), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (BatchRules.Year(i, row.Year) is { } year)
            {
                violations.Add(year);
            }
            else if (!isSchool(row.SchoolCode, row.Year))
            {
                violations.Add(new Violation(i, $"rows[{i}].school_code", row.SchoolCode, "no school is registered with this code in that year"));
            }

            foreach (var (field, value) in Shares(row.Factors))
            {
                if (!double.IsFinite(value) || value is < 0 or > 1)
                {
                    violations.Add(new Violation(i, $"rows[{i}].{field}", value.ToString("R", CultureInfo.InvariantCulture), "a share must be between 0 and 1"));
                }
            }

            violations.AddRange(row.Counts.Check(i, row.Factors));
            if (BatchRules.Repeated(seen, (row.SchoolCode, row.Year), i, "school_code", row.SchoolCode) is { } repeated)
            {
                violations.Add(repeated);
            }
        }

        return violations;
    }

    private static IEnumerable<(string Field, double Value)> Shares(SchoolContextFactors f) =>
    [
        ("share_on_preventive_register", f.ShareOnPreventiveRegister),
        ("share_migrant_or_low_russian", f.ShareMigrantOrLowRussian),
        ("share_not_certified", f.ShareNotCertified),
        ("share_chronic_absence", f.ShareChronicAbsence),
        ("share_special_needs", f.ShareSpecialNeeds),
    ];
}
