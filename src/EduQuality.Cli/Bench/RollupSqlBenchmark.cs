using System.Diagnostics;
using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;
using EduQuality.Storage.Results;

namespace EduQuality.Cli.Bench;

/// <summary>
/// Every summary of the demo years recomputed from the raw rows by SQL GROUP BY (<see cref="RawRollupQuery"/>),
/// timed year by year, and compared slice by slice with what the live system serves over gRPC for the region, every
/// municipality and every school (whole and per class).
/// </summary>
internal sealed class RollupSqlBenchmark(RawRollupQuery rollup, QueryService.QueryServiceClient client, IReadOnlyList<int> years, TextWriter output)
{
    public async Task<RollupSqlFigures> RunAsync(CancellationToken cancellationToken)
    {
        var perYear = new List<(int Year, TimeSpan Elapsed)>();
        int compared = 0, agreed = 0, organizations = 0;
        var firstMismatch = "";
        foreach (var year in years)
        {
            var clock = Stopwatch.StartNew();
            var recomputed = await rollup.ComputeAsync(year, cancellationToken);
            perYear.Add((year, clock.Elapsed));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {year}: {clock.Elapsed.TotalSeconds:N1} s, {recomputed.Count:N0} organisations, {recomputed.Values.Sum(s => s.Count):N0} summaries"));

            foreach (var (code, expected) in recomputed)
            {
                var live = await client.ListSummariesAsync(new ListSummariesRequest { OrganizationCode = code, Year = year }, cancellationToken: cancellationToken);
                var liveBySlice = live.Summaries.ToDictionary(
                    s => new SliceKey((ProcedureKind)s.Slice.Procedure, s.Slice.Subject, s.Slice.Grade, s.Slice.ClassLabel), s => s.Summary);
                organizations++;
                foreach (var entry in expected.Entries)
                {
                    compared++;
                    if (liveBySlice.TryGetValue(entry.Slice, out var summary) && Agrees(summary, entry.Summary))
                    {
                        agreed++;
                    }
                    else if (firstMismatch.Length == 0)
                    {
                        firstMismatch = $"{code} {year} {entry.Slice}";
                    }
                }

                compared += Math.Max(0, liveBySlice.Count - expected.Count); // live slices the raw rows do not have
            }
        }

        return new RollupSqlFigures(perYear, organizations, compared, agreed, firstMismatch);
    }

    private static bool Agrees(Summary live, ResultSummary raw) =>
        live.Participants == raw.Participants
        && live.MarkCounts.SequenceEqual(raw.MarkCounts)
        && live.Histogram.Sum(h => (long)h.Key * h.Value) == raw.ScoreSum
        && live.Histogram.Count == raw.Histogram.Count
        && raw.Histogram.Entries.All(h => live.Histogram.TryGetValue(h.Key, out var n) && n == h.Value)
        && live.BelowMinimum == raw.BelowMinimum
        && live.HighScorers == raw.HighScorers
        && live.TermLowered == raw.TermLowered && live.TermConfirmed == raw.TermConfirmed && live.TermRaised == raw.TermRaised
        && live.Tasks.Count == raw.Tasks.Count
        && live.Tasks.Zip(raw.Tasks).All(t => t.First.Participants == t.Second.Participants && t.First.Points == t.Second.Points && t.First.MaxPoints == t.Second.MaxPoints);
}

/// <summary>Time of the SQL GROUP BY recomputation, and its agreement with the live summaries.</summary>
internal sealed record RollupSqlFigures(IReadOnlyList<(int Year, TimeSpan Elapsed)> PerYear, int Organizations, int Compared, int Agreed, string FirstMismatch)
{
    public TimeSpan Total => TimeSpan.FromTicks(PerYear.Sum(y => y.Elapsed.Ticks));
}
