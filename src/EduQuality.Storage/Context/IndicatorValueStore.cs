using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Assessment;
using Npgsql;

namespace EduQuality.Storage.Context;

/// <summary>
/// Reported indicator values (<c>reported_indicator_value</c>), reference values of indicators (<c>indicator_reference</c>)
/// and reference mean scores of works (<c>reference_mean</c>), one row per natural key: a row with a known key and another
/// value replaces the stored one. A reference given for a region takes precedence there over the installation-wide one
/// (region code '').
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
                new("region_code", "text", rows.Select(r => r.RegionCode).ToArray()),
            ],
            [new("value", "float8", rows.Select(r => r.Value).ToArray())],
            batchId,
            cancellationToken);

    public Task<UpsertCounts> UpsertReferenceMeansAsync(IReadOnlyList<ReferenceMean> rows, string batchId, CancellationToken cancellationToken) =>
        KeyedUpsert.RunAsync(
            dataSource,
            "reference_mean",
            [
                new("region_code", "text", rows.Select(r => r.RegionCode).ToArray()),
                new("year", "int", rows.Select(r => r.Year).ToArray()),
                new("procedure", "smallint", rows.Select(r => (short)r.Procedure).ToArray()),
                new("subject", "text", rows.Select(r => r.Subject).ToArray()),
                new("grade", "int", rows.Select(r => r.Grade).ToArray()),
                new("level", "smallint", rows.Select(r => (short)r.Level).ToArray()),
            ],
            [new("mean_score", "float8", rows.Select(r => r.MeanScore).ToArray())],
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

    /// <summary>The reference values of the given years that hold in a region: its own where given, else the installation's.</summary>
    public async Task<List<ReferenceValue>> ReadReferencesAsync(string regionCode, IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT DISTINCT ON (indicator_code, year, level) indicator_code, year, level, value, region_code FROM indicator_reference " +
            "WHERE year = ANY($1) AND region_code IN ('', $2) ORDER BY indicator_code, year, level, region_code DESC");
        command.Parameters.AddWithValue(years.ToArray());
        command.Parameters.AddWithValue(regionCode);
        var values = new List<ReferenceValue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(new ReferenceValue(reader.GetString(0), reader.GetInt32(1), (ReferenceLevel)reader.GetInt16(2), reader.GetDouble(3), reader.GetString(4)));
        }

        return values;
    }

    /// <summary>The reference means of a year that hold in a region: its own where given, else the installation's.</summary>
    public async Task<List<ReferenceMean>> ReadReferenceMeansAsync(string regionCode, int year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT DISTINCT ON (procedure, subject, grade, level) region_code, year, procedure, subject, grade, level, mean_score FROM reference_mean " +
            "WHERE year = $1 AND region_code IN ('', $2) ORDER BY procedure, subject, grade, level, region_code DESC");
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(regionCode);
        var means = new List<ReferenceMean>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            means.Add(new ReferenceMean(reader.GetString(0), reader.GetInt32(1), (ProcedureKind)reader.GetInt16(2), reader.GetString(3),
                reader.GetInt32(4), (ReferenceLevel)reader.GetInt16(5), reader.GetDouble(6)));
        }

        return means;
    }
}
