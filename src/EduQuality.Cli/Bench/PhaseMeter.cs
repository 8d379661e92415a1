using System.Globalization;
using Npgsql;

namespace EduQuality.Cli.Bench;

/// <summary>Measures one phase of the benchmark: CPU by process, .NET allocations, WAL, statements and session waits.</summary>
internal sealed class PhaseMeter(ResourceMeter resources, PgStats pg, StatementProfile statements, NpgsqlDataSource dataSource)
{
    private static readonly TimeSpan WaitSampling = TimeSpan.FromMilliseconds(25);

    public async Task<PhaseStart> StartAsync(CancellationToken cancellationToken)
    {
        await pg.ResetStatementsAsync(cancellationToken);
        var database = await pg.SampleAsync(cancellationToken);
        statements.Restart();
        return new PhaseStart(resources.Sample(), database, new WaitSampler(dataSource, WaitSampling));
    }

    public async Task<PhaseProfile> StopAsync(PhaseStart start, string name, long rows, CancellationToken cancellationToken)
    {
        var used = resources.Sample() - start.Resources;
        var waits = await start.Waits.StopAsync();
        var client = statements.Restart();
        var database = await pg.SampleAsync(cancellationToken) - start.Database;
        var server = await pg.TopStatementsAsync(12, cancellationToken);
        var evictions = await pg.StatementEvictionsAsync(cancellationToken);
        return new PhaseProfile(name, rows, used, database, client, server, evictions, waits);
    }
}

internal sealed record PhaseStart(ResourceSample Resources, PgSample Database, WaitSampler Waits);

/// <summary>Everything measured about one phase.</summary>
internal sealed record PhaseProfile(
    string Name,
    long Rows,
    ResourceUse Resources,
    PgUse Database,
    IReadOnlyList<StatementTotals> ClientStatements,
    IReadOnlyList<StatementTotals> ServerStatements,
    long? StatementEvictions,
    WaitProfile Waits)
{
    public void Print(TextWriter output, int cores)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{Name}] {Rows:N0} rows"));
        output.WriteLine("    " + Resources.Describe(Rows, cores));
        output.WriteLine("    " + Database.DescribeWal(Rows));
        if (Database.Tables.Count > 0)
        {
            output.WriteLine("    tuples written: " + Database.DescribeTables());
        }

        Waits.Print(output);
        if (ClientStatements.Count > 0)
        {
            output.WriteLine("    time in statements as the .NET side sees it (Npgsql traces; concurrent connections add up; commits not included):");
            foreach (var s in ClientStatements.Take(12))
            {
                output.WriteLine("      " + s.Describe(Rows));
            }
        }

        if (ServerStatements.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    execution time inside PostgreSQL (pg_stat_statements; a COPY FROM STDIN includes waiting for the client's data; {StatementEvictions ?? 0} evictions):"));
            foreach (var s in ServerStatements)
            {
                output.WriteLine("      " + s.Describe(Rows));
            }
        }
    }
}
