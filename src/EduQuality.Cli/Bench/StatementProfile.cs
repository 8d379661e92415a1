using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace EduQuality.Cli.Bench;

/// <summary>
/// Time spent in database statements as the server sees it: every Npgsql command and COPY in this process (the
/// in-process server's stores and the Orleans ADO.NET storage alike) is traced by Npgsql's activity source; this
/// listener sums their durations by the kind of statement. Durations of concurrent connections add up, so the
/// total can exceed wall time. Commits are not traced by Npgsql and are not included.
/// </summary>
internal sealed class StatementProfile : IDisposable
{
    private readonly ActivityListener _listener;
    private ConcurrentDictionary<string, Totals> _totals = new(StringComparer.Ordinal);

    public StatementProfile()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts a new window and returns what the previous one recorded.</summary>
    public IReadOnlyList<StatementTotals> Restart()
    {
        var previous = Interlocked.Exchange(ref _totals, new ConcurrentDictionary<string, Totals>(StringComparer.Ordinal));
        return previous.Select(p => new StatementTotals(p.Key, p.Value.Count, p.Value.Ticks / (double)TimeSpan.TicksPerSecond))
            .OrderByDescending(t => t.Seconds).ToList();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        var text = activity.GetTagItem("db.query.text") as string ?? activity.DisplayName;
        var totals = _totals.GetOrAdd(Classify(text), _ => new Totals());
        Interlocked.Increment(ref totals.Count);
        Interlocked.Add(ref totals.Ticks, activity.Duration.Ticks);
    }

    /// <summary>A short name for the statements of the write and read paths; anything else by its first words.</summary>
    internal static string Classify(string sql)
    {
        bool Has(string part) => sql.Contains(part, StringComparison.OrdinalIgnoreCase);
        return true switch
        {
            _ when Has("COPY incoming_result") => "school tx: COPY rows into temp table",
            _ when Has("CREATE TEMP TABLE incoming_result") => "school tx: create temp table",
            _ when Has("WITH previous AS") => "school tx: upsert rows returning previous",
            _ when Has("INSERT INTO school_year_revision") => "school tx: revision + 1",
            _ when Has("INSERT INTO rollup_contribution") && Has("rollup_pending") => "contribution upsert (JSON) + parent's pending mark",
            _ when Has("INSERT INTO rollup_contribution") => "contribution upsert (JSON; schools and municipalities)",
            _ when Has("FROM rollup_pending") => "parent: pending mark read/clear",
            _ when Has("FROM rollup_contribution c LEFT JOIN") => "parent: re-read changed contributions",
            _ when Has("orleans_grain_state") && (Has("UPDATE") || Has("INSERT")) => "grain state write (Orleans ADO.NET, JSON)",
            _ when Has("orleans_grain_state") => "grain state read (Orleans ADO.NET)",
            _ when Has("SELECT revision FROM school_year_revision") => "school revision read",
            _ when Has("FROM organization o") => "organisation lookups",
            _ when Has("ingest_batch") => "batch registry",
            _ when Has("unnest($3::text[], $4::smallint[]") => "validation: results held by other schools",
            _ when Has("pg_advisory_xact_lock") => "partition ensure",
            _ when Has("bench_copy_floor") => "COPY floor",
            _ when Has("orleansmembership") || Has("OrleansQuery") => "Orleans clustering",
            _ => string.Join(' ', sql.Split((char[]?)null, 6, StringSplitOptions.RemoveEmptyEntries).Take(5)),
        };
    }

    private sealed class Totals
    {
        public long Count;
        public long Ticks;
    }
}

/// <summary>Calls and summed duration of one kind of statement.</summary>
internal sealed record StatementTotals(string Kind, long Calls, double Seconds)
{
    public string Describe(long rows) => string.Create(CultureInfo.InvariantCulture,
        $"{Kind,-58} {Calls,9:N0} calls {Seconds,9:N1} s {(Calls > 0 ? Seconds * 1000 / Calls : 0),8:N2} ms/call {(rows > 0 ? Seconds * 1e6 / rows : 0),8:N1} µs/row");
}
