using EduQuality.Domain.Analysis.Indicators;
using Npgsql;

namespace EduQuality.Storage.Context;

/// <summary>
/// Reported indicator values (<c>reported_indicator_value</c>) and reference values (<c>indicator_reference</c>), one
/// row per natural key: a row with a known key and another value replaces the stored one.
/// </summary>
public sealed class IndicatorValueStore(NpgsqlDataSource dataSource)
{
    public Task<UpsertCounts> UpsertReportedAsync(IReadOnlyList<ReportedValue> rows, string batchId, CancellationToken cancellationToken) =>
        KeyedUpsert.RunAsync(
            dataSource,
            "reported_indicator_value",
            [
                new("organization_code", "text", rows.Select(r => r.OrganizationCode).ToArray()),
                new("year", "int", rows.Select(r => r.Year).ToArray()),
                new("indicator_code", "text", rows.Select(r => r.IndicatorCode).ToArray()),
            ],
            [new("value", "float8", rows.Select(r => r.Value).ToArray())],
            batchId,
            cancellationToken);

    public Task<UpsertCounts> UpsertReferencesAsync(IReadOnlyList<ReferenceValue> rows, string batchId, CancellationToken cancellationToken) =>
        KeyedUpsert.RunAsync(
            dataSource,
            "indicator_reference",
            [
                new("indicator_code", "text", rows.Select(r => r.IndicatorCode).ToArray()),
                new("year", "int", rows.Select(r => r.Year).ToArray()),
                new("level", "smallint", rows.Select(r => (short)r.Level).ToArray()),
            ],
            [new("value", "float8", rows.Select(r => r.Value).ToArray())],
            batchId,
            cancellationToken);

    /// <summary>The reported values of the given organisations in the given years.</summary>
    public async Task<List<ReportedValue>> ReadReportedAsync(IReadOnlyCollection<string> organizations, IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT organization_code, year, indicator_code, value FROM reported_indicator_value " +
            "WHERE organization_code = ANY($1) AND year = ANY($2) ORDER BY organization_code, year, indicator_code");
        command.Parameters.AddWithValue(organizations.ToArray());
        command.Parameters.AddWithValue(years.ToArray());
        var values = new List<ReportedValue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(new ReportedValue(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetDouble(3)));
        }

        return values;
    }

    /// <summary>The reference values of the given years.</summary>
    public async Task<List<ReferenceValue>> ReadReferencesAsync(IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT indicator_code, year, level, value FROM indicator_reference WHERE year = ANY($1) ORDER BY indicator_code, year, level");
        command.Parameters.AddWithValue(years.ToArray());
        var values = new List<ReferenceValue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(new ReferenceValue(reader.GetString(0), reader.GetInt32(1), (ReferenceLevel)reader.GetInt16(2), reader.GetDouble(3)));
        }

        return values;
    }
}
