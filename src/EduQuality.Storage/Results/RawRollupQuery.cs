using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;
using Npgsql;

namespace EduQuality.Storage.Results;

/// <summary>
/// Recomputes every summary of a year from the raw rows by SQL GROUP BY, following the hierarchy in force on the
/// year's first day: for each school (whole and per class), municipality and region. It is the audit of the live
/// rollups and the floor they are measured against.
/// </summary>
public sealed class RawRollupQuery(NpgsqlDataSource dataSource)
{
    // Each raw row counts once for its school (whole), its class, its municipality and its region of that year.
    private const string Placed =
        "WITH placed AS (SELECT a.*, m.parent_code AS municipality, r.parent_code AS region FROM assessment_result a " +
        "LEFT JOIN LATERAL (SELECT p.parent_code FROM organization_parent p WHERE p.code = a.school_code AND p.valid_from <= make_date(a.year - 1, 9, 1) ORDER BY p.valid_from DESC LIMIT 1) m ON true " +
        "LEFT JOIN LATERAL (SELECT p.parent_code FROM organization_parent p WHERE p.code = m.parent_code AND p.valid_from <= make_date(a.year - 1, 9, 1) ORDER BY p.valid_from DESC LIMIT 1) r ON true " +
        "WHERE a.year = $1), " +
        "grouped AS (SELECT g.org, g.cls, placed.* FROM placed CROSS JOIN LATERAL (VALUES (placed.school_code, ''), (placed.municipality, ''), (placed.region, ''), " +
        "(CASE WHEN placed.class_label <> '' THEN placed.school_code END, placed.class_label)) AS g(org, cls) WHERE g.org IS NOT NULL) ";

    private const string Totals = Placed +
        "SELECT org, procedure, subject, grade, cls, count(*), " +
        "count(*) FILTER (WHERE mark = 2), count(*) FILTER (WHERE mark = 3), count(*) FILTER (WHERE mark = 4), count(*) FILTER (WHERE mark = 5), " +
        "sum(score)::bigint, sum(score::bigint * score), count(below_minimum), count(*) FILTER (WHERE below_minimum), count(*) FILTER (WHERE high_scorer), " +
        "count(*) FILTER (WHERE mark < term_mark), count(*) FILTER (WHERE mark = term_mark), count(*) FILTER (WHERE mark > term_mark) " +
        "FROM grouped GROUP BY org, procedure, subject, grade, cls";

    private const string Histograms = Placed +
        "SELECT org, procedure, subject, grade, cls, score, count(*) FROM grouped GROUP BY org, procedure, subject, grade, cls, score";

    private const string Tasks = Placed +
        "SELECT org, procedure, subject, grade, cls, t.task::int, count(*), sum(t.points)::bigint, sum(t.max_points)::bigint " +
        "FROM grouped CROSS JOIN LATERAL unnest(grouped.task_points, grouped.task_max_points) WITH ORDINALITY AS t(points, max_points, task) " +
        "GROUP BY org, procedure, subject, grade, cls, t.task";

    /// <summary>Every organisation's summaries of the year, by organisation code.</summary>
    public async Task<Dictionary<string, SummarySet>> ComputeAsync(int year, CancellationToken cancellationToken)
    {
        var summaries = new Dictionary<(string Org, SliceKey Slice), ResultSummary>();
        ResultSummary At(NpgsqlDataReader reader)
        {
            var key = (reader.GetString(0), new SliceKey((ProcedureKind)reader.GetInt16(1), reader.GetString(2), reader.GetInt16(3), reader.GetString(4)));
            if (!summaries.TryGetValue(key, out var summary))
            {
                summary = new ResultSummary();
                summaries[key] = summary;
            }

            return summary;
        }

        await ReadAsync(Totals, year, reader =>
        {
            var s = At(reader);
            s.Participants = reader.GetInt64(5);
            s.MarkCounts = [reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9)];
            s.ScoreSum = reader.GetInt64(10);
            s.ScoreSumOfSquares = (long)reader.GetDecimal(11);
            s.MinimumKnown = reader.GetInt64(12);
            s.BelowMinimum = reader.GetInt64(13);
            s.HighScorers = reader.GetInt64(14);
            s.TermLowered = reader.GetInt64(15);
            s.TermConfirmed = reader.GetInt64(16);
            s.TermRaised = reader.GetInt64(17);
        }, cancellationToken);
        await ReadAsync(Histograms, year, reader => At(reader).Histogram.Add(reader.GetInt32(5), reader.GetInt64(6)), cancellationToken);
        await ReadAsync(Tasks, year, reader =>
        {
            var tasks = At(reader).Tasks;
            var index = reader.GetInt32(5) - 1;
            while (tasks.Count <= index)
            {
                tasks.Add(new TaskTotals());
            }

            tasks[index] = new TaskTotals { Participants = reader.GetInt64(6), Points = reader.GetInt64(7), MaxPoints = reader.GetInt64(8) };
        }, cancellationToken);

        return summaries.GroupBy(s => s.Key.Org).ToDictionary(
            g => g.Key,
            g => new SummarySet(g.Select(s => new SliceEntry(s.Key.Slice, s.Value)).ToList()));
    }

    private async Task ReadAsync(string sql, int year, Action<NpgsqlDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(year);
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read(reader);
        }
    }
}
