using System.Globalization;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Context;

/// <summary>What every context batch must satisfy as a whole, the same as a result batch: an id and 1 to 50 000 rows.</summary>
public static class BatchRules
{
    public static List<Violation> Check(string batchId, int rows)
    {
        var violations = new List<Violation>();
        if (string.IsNullOrWhiteSpace(batchId) || batchId.Length > ResultBatchValidator.MaxBatchIdLength)
        {
            violations.Add(new Violation(null, "batch_id", batchId, $"batch id is required, at most {ResultBatchValidator.MaxBatchIdLength} characters"));
        }

        if (rows == 0 || rows > ResultBatchValidator.MaxRows)
        {
            violations.Add(new Violation(null, "rows", rows.ToString(CultureInfo.InvariantCulture), $"a batch holds 1 to {ResultBatchValidator.MaxRows} rows"));
        }

        return violations;
    }

    /// <summary>A year outside the accepted range, or null.</summary>
    public static Violation? Year(int row, int year) =>
        year is < ResultBatchValidator.FirstYear or > ResultBatchValidator.LastYear
            ? new Violation(row, $"rows[{row}].year", year.ToString(CultureInfo.InvariantCulture),
                $"year must be between {ResultBatchValidator.FirstYear} and {ResultBatchValidator.LastYear}")
            : null;

    /// <summary>A second row with a key already seen, or null; records the key otherwise.</summary>
    public static Violation? Repeated<TKey>(Dictionary<TKey, int> seen, TKey key, int row, string field, string value)
        where TKey : notnull =>
        seen.TryAdd(key, row)
            ? null
            : new Violation(row, $"rows[{row}].{field}", value, $"the same key is already in row {seen[key]}; a batch holds each key once");
}
