using System.Globalization;
using Npgsql;

namespace EduQuality.Cli.Bench;

/// <summary>
/// What the database sessions of this database are doing, sampled from <c>pg_stat_activity</c> every few
/// milliseconds while a phase runs: running (on CPU, or waiting for it), waiting for a lock, for a WAL flush, for the
/// client, and so on. A session waiting for a lock is also counted by the statement it runs. Idle sessions (between
/// statements, outside a transaction) are not counted.
/// </summary>
internal sealed class WaitSampler : IAsyncDisposable
{
    private const string Sql =
        "SELECT CASE WHEN state = 'idle in transaction' THEN 'in transaction, waiting for the client' " +
        "WHEN wait_event IS NULL THEN 'running (CPU or run queue)' ELSE wait_event_type || ': ' || wait_event END, " +
        "CASE WHEN wait_event_type = 'Lock' THEN query END " +
        "FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() " +
        "AND state IS DISTINCT FROM 'idle' AND query NOT LIKE 'SELECT CASE WHEN state = %'";

    private readonly Dictionary<string, long> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _locked = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _samples;

    public WaitSampler(NpgsqlDataSource dataSource, TimeSpan interval)
    {
        _sampling = Task.Run(() => SampleAsync(dataSource, interval, _stop.Token));
    }

    public async Task<WaitProfile> StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        return new WaitProfile(_samples, _states.OrderByDescending(s => s.Value).ToList(), _locked.OrderByDescending(s => s.Value).ToList());
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SampleAsync(NpgsqlDataSource dataSource, TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        while (!cancellationToken.IsCancellationRequested)
        {
            _samples++;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var state = reader.GetString(0);
                    _states[state] = _states.GetValueOrDefault(state) + 1;
                    if (!reader.IsDBNull(1))
                    {
                        var kind = StatementProfile.Classify(reader.GetString(1));
                        _locked[kind] = _locked.GetValueOrDefault(kind) + 1;
                    }
                }
            }

            await Task.Delay(interval, cancellationToken);
        }
    }
}

/// <summary>Sampled session states: how many sessions were seen in each state, summed over the samples.</summary>
internal sealed record WaitProfile(long Samples, IReadOnlyList<KeyValuePair<string, long>> States, IReadOnlyList<KeyValuePair<string, long>> LockedStatements)
{
    public void Print(TextWriter output)
    {
        var total = Math.Max(1, States.Sum(s => s.Value));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    database sessions inside a statement or transaction, {Samples:N0} samples of pg_stat_activity (average {total / (double)Math.Max(1, Samples):N1} such sessions):"));
        foreach (var (state, count) in States.Take(10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {count / (double)total,6:P1}  {state}"));
        }

        foreach (var (statement, count) in LockedStatements.Take(5))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"              waiting for a lock in: {statement} ({count / (double)total:P1})"));
        }
    }
}
