using Npgsql;

namespace EduQuality.Storage.Analysis;

/// <summary>
/// A digest of the durable data a region's analysis reads over its window: the rollup contributions of the region's
/// schools and municipalities (their versions grow with every change of their totals) and the schools' contexts (each
/// change stamps <c>updated_at</c>). Two equal digests mean the analysis would read the same data; the analysis compares
/// them to heal a lost change signal (docs/adr/0006-analysis-refresh.md).
/// </summary>
public sealed class AnalysisInputFingerprint(NpgsqlDataSource dataSource)
{
    public async Task<string> ReadAsync(string regionCode, IReadOnlyCollection<string> schools, IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT (SELECT md5(coalesce(string_agg(year || ':' || child_code || ':' || version, ',' ORDER BY year, child_code), '')) " +
            "FROM rollup_contribution WHERE year = ANY($1) AND (child_code = ANY($2) OR parent_code = $3)) || '/' || " +
            "(SELECT md5(coalesce(string_agg(year || ':' || school_code || ':' || updated_at, ',' ORDER BY year, school_code), '')) " +
            "FROM school_context WHERE year = ANY($1) AND school_code = ANY($2))");
        command.Parameters.AddWithValue(years.ToArray());
        command.Parameters.AddWithValue(schools.ToArray());
        command.Parameters.AddWithValue(regionCode);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
