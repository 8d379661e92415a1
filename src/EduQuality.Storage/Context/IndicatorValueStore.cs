using EduQuality.Domain.Analysis.Indicators;
using Npgsql;

namespace EduQuality.Storage.Context;

/// <summary>
/// Reported indicator values (<c>reported_indicator_value</c>) and reference values (<c>indicator_reference</c>), one
/// row per natural key: a row with a known key and another value replaces the stored one.
/// </summary>
public sealed class IndicatorValueStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Upserts changed rows only; Postgres reports inserted rows with xmax = 0, so new, corrected and unchanged rows are
    /// told apart in the one statement.
    /// </summary>
    private const string Counted = " RETURNING (xmax = 0)";

    public async Task<UpsertCounts> UpsertReportedAsync(IReadOnlyList<ReportedValue> rows, string batchId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO reported_indicator_value (organization_code, year, indicator_code, value, batch_id) " +
            "SELECT *, $5 FROM unnest($1::text[], $2::int[], $3::text[], $4::float8[]) " +
            "ON CONFLICT (organization_code, year, indicator_code) DO UPDATE SET value = EXCLUDED.value, batch_id = EXCLUDED.batch_id, updated_at = now() " +
            "WHERE reported_indicator_value.value IS DISTINCT FROM EXCLUDED.value" + Counted);
        command.Parameters.AddWithValue(rows.Select(r => r.OrganizationCode).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Year).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.IndicatorCode).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Value).ToArray());
        command.Parameters.AddWithValue(batchId);
        return await CountAsync(command, rows.Count, cancellationToken);
    }

    public async Task<UpsertCounts> UpsertReferencesAsync(IReadOnlyList<ReferenceValue> rows, string batchId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO indicator_reference (indicator_code, year, level, value, batch_id) " +
            "SELECT *, $5 FROM unnest($1::text[], $2::int[], $3::smallint[], $4::float8[]) " +
            "ON CONFLICT (indicator_code, year, level) DO UPDATE SET value = EXCLUDED.value, batch_id = EXCLUDED.batch_id, updated_at = now() " +
            "WHERE indicator_reference.value IS DISTINCT FROM EXCLUDED.value" + Counted);
        command.Parameters.AddWithValue(rows.Select(r => r.IndicatorCode).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Year).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => (short)r.Level).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Value).ToArray());
        command.Parameters.AddWithValue(batchId);
        return await CountAsync(command, rows.Count, cancellationToken);
    }

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

    private static async Task<UpsertCounts> CountAsync(NpgsqlCommand command, int rows, CancellationToken cancellationToken)
    {
        int inserted = 0, corrected = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(0))
            {
                inserted++;
            }
            else
            {
                corrected++;
            }
        }

        return new UpsertCounts(inserted, corrected, rows - inserted - corrected);
    }
}
