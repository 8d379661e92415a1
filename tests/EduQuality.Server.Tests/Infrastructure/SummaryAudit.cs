using EduQuality.Api.V1;
using EduQuality.Server.Mapping;
using EduQuality.Storage.Results;
using Npgsql;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>
/// Served summaries and their SQL recomputation for any set of organisations, keyed like <see cref="DemoData"/>
/// (compare with <see cref="DemoData.AssertSame"/>), plus counts straight from the tables.
/// </summary>
public static class SummaryAudit
{
    /// <summary>Every slice (classes included) of the given organisations and years, as served over gRPC, versions cleared.</summary>
    public static async Task<SortedDictionary<string, string>> ServedAsync(
        QueryService.QueryServiceClient query, IEnumerable<string> organizations, IEnumerable<int> years)
    {
        var served = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            foreach (var code in organizations)
            {
                var list = await query.ListSummariesAsync(
                    new ListSummariesRequest { OrganizationCode = code, Year = year }, deadline: DateTime.UtcNow.AddSeconds(30));
                foreach (var summary in list.Summaries)
                {
                    summary.Version = 0;
                    served[Key(summary)] = summary.Summary.ToString();
                }
            }
        }

        return served;
    }

    /// <summary>The same, recomputed by SQL from the raw rows of the database.</summary>
    public static async Task<SortedDictionary<string, string>> RecomputedAsync(string connectionString, IEnumerable<int> years)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var query = new RawRollupQuery(dataSource);
        var recomputed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            foreach (var (org, set) in await query.ComputeAsync(year, CancellationToken.None))
            {
                foreach (var entry in set.Entries)
                {
                    var summary = SummaryMapper.ToContract(org, year, entry.Slice, entry.Summary, version: 0);
                    recomputed[Key(summary)] = summary.Summary.ToString();
                }
            }
        }

        return recomputed;
    }

    /// <summary>Which served summaries differ from their recomputation, counted per year and organisation, for failure output.</summary>
    public static string DescribeDifferences(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        var differing = expected.Keys.Union(actual.Keys)
            .Where(k => !expected.TryGetValue(k, out var e) || !actual.TryGetValue(k, out var a) || e != a)
            .ToList();
        if (differing.Count == 0)
        {
            return $"all {expected.Count} summaries equal their recomputation";
        }

        var byOrganization = differing.GroupBy(k => string.Join('/', k.Split('/').Take(2)), StringComparer.Ordinal)
            .Select(g => $"{g.Key} x{g.Count()}");
        return $"{differing.Count} of {expected.Count} summaries differ from their recomputation: {string.Join(", ", byOrganization)}";
    }

    /// <summary>The result of a scalar count query.</summary>
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The distinct natural keys (procedure, year, subject, grade, participant) among <paramref name="batches"/>' rows.</summary>
    public static int DistinctResultKeys(IEnumerable<ResultBatch> batches) =>
        batches.SelectMany(b => b.Rows.Select(r => (b.Procedure, b.Year, r.Subject, r.Grade, r.ParticipantCode))).Distinct().Count();

    private static string Key(SliceSummary s) =>
        $"{s.Slice.Year}/{s.OrganizationCode}/{s.Slice.Procedure}/{s.Slice.Subject}/{s.Slice.Grade}/{s.Slice.ClassLabel}";
}
