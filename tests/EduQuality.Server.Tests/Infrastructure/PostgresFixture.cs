using System.Text;
using EduQuality.Storage.Migrations;
using EduQuality.Storage.Postgres;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>Tests that need PostgreSQL join this collection and get <see cref="PostgresFixture"/> injected.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    /// <summary>The collection name to put in <c>[Collection(...)]</c>.</summary>
    public const string Name = "postgres";
}

/// <summary>
/// Real PostgreSQL for tests: one throwaway <see cref="LocalPostgres"/> (fsync off) shared by the whole test run, or
/// the server named by <c>EDUQ_TEST_PG</c>. Every test asks for its own database, so tests never see each other's rows.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>Environment variable with a connection string to an existing server (any database on it) to use instead.</summary>
    public const string ExternalServerVariable = "EDUQ_TEST_PG";

    private static readonly SemaphoreSlim SharedServerGate = new(1, 1);
    private static LocalPostgres? sharedServer;

    private readonly List<string> _createdDatabases = [];
    private string? _maintenanceConnectionString;

    /// <summary>
    /// The local server, or null when <c>EDUQ_TEST_PG</c> points elsewhere. Fault tests stop and start it; every test
    /// using the fixture shares it, so such tests must leave it running.
    /// </summary>
    public LocalPostgres? Server { get; private set; }

    /// <summary>Connection string to the server's <c>postgres</c> database, for administrative statements.</summary>
    public string MaintenanceConnectionString =>
        _maintenanceConnectionString ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _maintenanceConnectionString = new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ConnectionString;
            return;
        }

        Server = await AcquireSharedServerAsync();
        _maintenanceConnectionString = Server.GetConnectionString("postgres");
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        // The local server's folder goes away at process exit; only a server we do not own needs tidying.
        if (Server is not null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(MaintenanceConnectionString);
        await connection.OpenAsync();
        foreach (var database in _createdDatabases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Creates a fresh database with every migration applied and returns its connection string.</summary>
    /// <param name="prefix">Readable start of the database name, e.g. the test class; a unique suffix is added.</param>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var connectionString = await CreateEmptyDatabaseAsync(prefix);
        await new SchemaMigrator(connectionString).ApplyAsync();
        return connectionString;
    }

    /// <summary>Creates a fresh database without any schema and returns its connection string.</summary>
    /// <param name="prefix">Readable start of the database name; a unique suffix is added.</param>
    public async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        var database = UniqueName(prefix);
        await LocalPostgres.CreateDatabaseIfMissingAsync(MaintenanceConnectionString, database);
        lock (_createdDatabases)
        {
            _createdDatabases.Add(database);
        }

        return new NpgsqlConnectionStringBuilder(MaintenanceConnectionString)
        {
            Database = database,
            // Each test database gets its own pool; short idle lifetimes keep them from adding up to max_connections.
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 5,
        }.ConnectionString;
    }

    private static async Task<LocalPostgres> AcquireSharedServerAsync()
    {
        await SharedServerGate.WaitAsync();
        try
        {
            if (sharedServer is null)
            {
                var server = await LocalPostgres.StartThrowawayAsync("postgres", fsync: false);
                // xunit v2 has no assembly fixture; the process exit is the end of the test run.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
                sharedServer = server;
            }

            return sharedServer;
        }
        finally
        {
            SharedServerGate.Release();
        }
    }

    private static string UniqueName(string prefix)
    {
        var name = new StringBuilder();
        foreach (var character in prefix.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(character) ? character : '_');
        }

        if (name.Length > 40)
        {
            name.Length = 40;
        }

        // 40 + 1 + 16 characters stays under PostgreSQL's 63-byte identifier limit.
        return $"{name}_{Guid.NewGuid():N}"[..(name.Length + 17)];
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
