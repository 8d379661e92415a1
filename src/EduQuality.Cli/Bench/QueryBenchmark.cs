using System.Diagnostics;
using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;
using Npgsql;

namespace EduQuality.Cli.Bench;

/// <summary>
/// Query latency once the load has settled: <c>GetSummary</c> over gRPC, one call at a time, for random slices of
/// the region, of municipalities and of schools; and the same summaries computed by SQL from the raw rows
/// (<see cref="RawSliceQuery"/>). Every SQL answer is compared with the gRPC answer for the same slice
/// (participants, marks, score sum, histogram, high scorers).
/// </summary>
internal sealed class QueryBenchmark(
    QueryService.QueryServiceClient client, NpgsqlDataSource dataSource, DemoRegion demo, int seed, int grpcQueries, int sqlQueries, TextWriter output)
{
    private const int WarmUp = 200;
    private const int SampledSchoolYears = 300;
    private const int ChecksPerLevel = 3;

    public async Task<IReadOnlyList<LevelQueryFigures>> RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var targets = await CollectTargetsAsync(random, cancellationToken);
        await using var raw = await RawSliceQuery.OpenAsync(dataSource, cancellationToken);
        var figures = new List<LevelQueryFigures>();
        foreach (var level in Enum.GetValues<Level>())
        {
            var pool = targets[level];
            var answers = new Dictionary<QueryTarget, Summary>();
            for (var i = 0; i < WarmUp; i++)
            {
                await GetAsync(pool[random.Next(pool.Count)], cancellationToken);
            }

            var grpc = new List<double>(grpcQueries);
            for (var i = 0; i < grpcQueries; i++)
            {
                var target = pool[random.Next(pool.Count)];
                var started = Stopwatch.GetTimestamp();
                var answer = await GetAsync(target, cancellationToken);
                grpc.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                answers[target] = answer;
            }

            // Warm the SQL path (plans, buffers) on a few slices before timing it.
            for (var i = 0; i < Math.Min(10, sqlQueries); i++)
            {
                await raw.ComputeAsync(pool[random.Next(pool.Count)], cancellationToken);
            }

            var sql = new List<double>(sqlQueries);
            var agreed = 0;
            long rowsRead = 0;
            var sampled = new List<(QueryTarget Target, RawSlice Raw)>();
            for (var i = 0; i < sqlQueries; i++)
            {
                var target = pool[random.Next(pool.Count)];
                var started = Stopwatch.GetTimestamp();
                var computed = await raw.ComputeAsync(target, cancellationToken);
                sql.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                rowsRead += computed.Participants;
                if (!answers.TryGetValue(target, out var answer))
                {
                    answer = await GetAsync(target, cancellationToken);
                    answers[target] = answer;
                }

                agreed += Agrees(answer, computed) ? 1 : 0;
                sampled.Add((target, computed));
            }

            // The printed checks: the biggest slice sampled and a few others.
            var checks = sampled.OrderByDescending(s => s.Raw.Participants).Take(1)
                .Concat(sampled.Where((_, i) => i % Math.Max(1, sampled.Count / ChecksPerLevel) == 1).Take(ChecksPerLevel - 1))
                .Select(s => new SliceCheck(s.Target, answers[s.Target].Participants, ScoreSum(answers[s.Target]), s.Raw.Participants, s.Raw.ScoreSum, Agrees(answers[s.Target], s.Raw)))
                .ToList();
            var measured = new LevelQueryFigures(level, pool.Count, grpc, sql, agreed, sqlQueries, sqlQueries > 0 ? rowsRead / (double)sqlQueries : 0, checks);
            figures.Add(measured);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {level}: {pool.Count:N0} slices; gRPC p50 {measured.GrpcP50:N2} ms p99 {measured.GrpcP99:N2} ms; SQL p50 {measured.SqlP50:N1} ms p99 {measured.SqlP99:N1} ms; {agreed}/{sqlQueries} SQL answers agree"));
        }

        return figures;
    }

    private static bool Agrees(Summary live, RawSlice raw) =>
        live.Participants == raw.Participants
        && live.MarkCounts.SequenceEqual(raw.MarkCounts)
        && ScoreSum(live) == raw.ScoreSum
        && live.HighScorers == raw.HighScorers
        && live.Histogram.Count == raw.Histogram.Count
        && live.Histogram.All(h => raw.Histogram.TryGetValue(h.Key, out var n) && n == h.Value);

    /// <summary>The exact sum of scores, from the histogram (the contract's mean is a double).</summary>
    private static long ScoreSum(Summary summary) => summary.Histogram.Sum(h => (long)h.Key * h.Value);

    private async Task<Summary> GetAsync(QueryTarget target, CancellationToken cancellationToken)
    {
        var response = await client.GetSummaryAsync(
            new GetSummaryRequest
            {
                OrganizationCode = target.Code,
                Slice = new Slice { Year = target.Year, Procedure = (Procedure)(int)target.Slice.Procedure, Subject = target.Slice.Subject, Grade = target.Slice.Grade },
            },
            cancellationToken: cancellationToken);
        return response.Summary;
    }

    private async Task<Dictionary<Level, List<QueryTarget>>> CollectTargetsAsync(Random random, CancellationToken cancellationToken)
    {
        var years = demo.Options.Years;
        var schoolYears = new List<(string School, int Year)>();
        await using (var command = dataSource.CreateCommand("SELECT school_code, year FROM school_year_revision WHERE year = ANY($1) ORDER BY year, school_code"))
        {
            command.Parameters.AddWithValue(years);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                schoolYears.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var owners = new List<(Level Level, string Code, int Year)>();
        owners.AddRange(years.Select(y => (Level.Region, DemoRegion.RegionCode, y)));
        owners.AddRange(demo.Municipalities.SelectMany(m => years.Select(y => (Level.Municipality, m.Code, y))));
        owners.AddRange(schoolYears.OrderBy(_ => random.Next()).Take(SampledSchoolYears).Select(s => (Level.School, s.School, s.Year)));

        var targets = Enum.GetValues<Level>().ToDictionary(l => l, _ => new List<QueryTarget>());
        foreach (var (level, code, year) in owners)
        {
            var list = await client.ListSummariesAsync(new ListSummariesRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken);
            targets[level].AddRange(list.Summaries
                .Where(s => s.Slice.ClassLabel.Length == 0 && s.Summary.Participants > 0)
                .Select(s => new QueryTarget(level, code, year, new SliceKey((ProcedureKind)s.Slice.Procedure, s.Slice.Subject, s.Slice.Grade, ""))));
        }

        return targets;
    }
}

/// <summary>One printed comparison of a live summary with its raw recomputation.</summary>
internal sealed record SliceCheck(QueryTarget Target, long GrpcParticipants, long GrpcScoreSum, long SqlParticipants, long SqlScoreSum, bool Agrees);

/// <summary>Query latencies of one level, in milliseconds.</summary>
internal sealed record LevelQueryFigures(
    Level Level, int Slices, IReadOnlyList<double> Grpc, IReadOnlyList<double> Sql, int Agreed, int Compared, double MeanRowsPerSqlQuery, IReadOnlyList<SliceCheck> Checks)
{
    public double GrpcP50 => Percentiles.Of(Grpc, 0.50);

    public double GrpcP99 => Percentiles.Of(Grpc, 0.99);

    public double SqlP50 => Percentiles.Of(Sql, 0.50);

    public double SqlP99 => Percentiles.Of(Sql, 0.99);
}
