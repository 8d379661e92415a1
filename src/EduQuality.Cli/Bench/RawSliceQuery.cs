using EduQuality.Domain.Summaries;
using Npgsql;
using NpgsqlTypes;

namespace EduQuality.Cli.Bench;

/// <summary>
/// One organisation's summary of one slice computed by SQL from the raw rows, as <c>RawRollupQuery</c> does for
/// everything, but filtered: the schools are found through the hierarchy in force on the year's first day
/// (1 September), their rows of the slice are read through the primary key, and totals, the score histogram and
/// per-task sums come back in one round trip. Prepared once per level on one dedicated connection.
/// </summary>
internal sealed class RawSliceQuery : IAsyncDisposable
{
    // The parent of every organisation in force on the year's first day.
    private const string InForce =
        "in_force AS (SELECT DISTINCT ON (code) code, parent_code FROM organization_parent " +
        "WHERE valid_from <= make_date($1 - 1, 9, 1) ORDER BY code, valid_from DESC)";

    private const string Aggregate =
        "placed AS MATERIALIZED (SELECT a.score, a.mark, a.term_mark, a.below_minimum, a.high_scorer, a.task_points, a.task_max_points " +
        "FROM assessment_result a WHERE a.year = $1 AND a.procedure = $2 AND a.subject = $3 AND a.grade = $4 " +
        "AND a.school_code IN (SELECT code FROM schools)), " +
        "totals AS (SELECT count(*) AS participants, count(*) FILTER (WHERE mark = 2) AS m2, count(*) FILTER (WHERE mark = 3) AS m3, " +
        "count(*) FILTER (WHERE mark = 4) AS m4, count(*) FILTER (WHERE mark = 5) AS m5, coalesce(sum(score), 0)::bigint AS score_sum, " +
        "coalesce(sum(score::bigint * score), 0)::bigint AS score_squares, count(below_minimum) AS minimum_known, " +
        "count(*) FILTER (WHERE below_minimum) AS below, count(*) FILTER (WHERE high_scorer) AS high, " +
        "count(*) FILTER (WHERE mark < term_mark) AS lowered, count(*) FILTER (WHERE mark = term_mark) AS confirmed, " +
        "count(*) FILTER (WHERE mark > term_mark) AS raised FROM placed), " +
        "histogram AS (SELECT array_agg(score ORDER BY score) AS scores, array_agg(n ORDER BY score) AS counts " +
        "FROM (SELECT score, count(*) AS n FROM placed GROUP BY score) h), " +
        "tasks AS (SELECT array_agg(n ORDER BY task) AS task_participants, array_agg(points ORDER BY task) AS task_points, " +
        "array_agg(max_points ORDER BY task) AS task_max_points FROM (SELECT t.task, count(*) AS n, sum(t.points)::bigint AS points, " +
        "sum(t.max_points)::bigint AS max_points FROM placed CROSS JOIN LATERAL unnest(placed.task_points, placed.task_max_points) " +
        "WITH ORDINALITY AS t(points, max_points, task) GROUP BY t.task) k) " +
        "SELECT * FROM totals, histogram, tasks";

    private readonly NpgsqlConnection _connection;
    private readonly Dictionary<Level, NpgsqlCommand> _commands = [];

    private RawSliceQuery(NpgsqlConnection connection)
    {
        _connection = connection;
    }

    public static async Task<RawSliceQuery> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var query = new RawSliceQuery(await dataSource.OpenConnectionAsync(cancellationToken));
        foreach (var level in Enum.GetValues<Level>())
        {
            var schools = level switch
            {
                Level.School => "schools AS (SELECT $5::text AS code)",
                Level.Municipality => $"{InForce}, schools AS (SELECT code FROM in_force WHERE parent_code = $5)",
                _ => $"{InForce}, schools AS (SELECT s.code FROM in_force s JOIN in_force m ON m.code = s.parent_code WHERE m.parent_code = $5)",
            };
            var command = new NpgsqlCommand($"WITH {schools}, {Aggregate}", query._connection);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Smallint });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Smallint });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            await command.PrepareAsync(cancellationToken);
            query._commands[level] = command;
        }

        return query;
    }

    public async Task<RawSlice> ComputeAsync(QueryTarget target, CancellationToken cancellationToken)
    {
        var command = _commands[target.Level];
        command.Parameters[0].Value = target.Year;
        command.Parameters[1].Value = (short)target.Slice.Procedure;
        command.Parameters[2].Value = target.Slice.Subject;
        command.Parameters[3].Value = (short)target.Slice.Grade;
        command.Parameters[4].Value = target.Code;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var scores = reader.IsDBNull(13) ? [] : reader.GetFieldValue<int[]>(13);
        var counts = reader.IsDBNull(14) ? [] : reader.GetFieldValue<long[]>(14);
        return new RawSlice(
            reader.GetInt64(0),
            [reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)],
            reader.GetInt64(5),
            scores.Zip(counts).ToDictionary(p => p.First, p => p.Second),
            reader.GetInt64(9));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }
}

/// <summary>Level of an organisation in the hierarchy.</summary>
internal enum Level
{
    Region,
    Municipality,
    School,
}

/// <summary>One summary to ask for: an organisation, a year and a slice.</summary>
internal sealed record QueryTarget(Level Level, string Code, int Year, SliceKey Slice)
{
    public override string ToString() => $"{Code} {Year} {Slice.Procedure} {Slice.Subject} grade {Slice.Grade}";
}

/// <summary>The parts of a raw recomputation that are compared with the live summary.</summary>
internal sealed record RawSlice(long Participants, long[] MarkCounts, long ScoreSum, IReadOnlyDictionary<int, long> Histogram, long HighScorers);
