using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EduQuality.Storage.Migrations;

/// <summary>
/// Brings a database to the current schema by applying the numbered scripts embedded from <c>Sql/NNNN_name.sql</c>,
/// in numeric order, each in its own transaction, and recording them in <c>schema_migration</c>.
/// </summary>
/// <remarks>
/// Every process of the cluster runs this at start-up; an advisory lock on a fixed key makes them take turns, and each
/// script is applied exactly once no matter how many start together.
/// </remarks>
public sealed partial class SchemaMigrator
{
    /// <summary>Key of the advisory lock held while the migration history is checked or changed ("EduQMigr" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x45_64_75_51_4D_69_67_72;

    private const string ResourcePrefix = "EduQuality.Storage.Sql.";

    private static readonly Lazy<IReadOnlyList<EmbeddedScript>> Scripts = new(LoadScripts);

    private readonly string _connectionString;
    private readonly ILogger _logger;

    /// <summary>Creates a migrator for the database named by <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">Npgsql connection string of the target database.</param>
    /// <param name="logger">Receives one line per applied script; none when null.</param>
    public SchemaMigrator(string connectionString, ILogger<SchemaMigrator>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>File names of all embedded migrations (<c>0001_orleans_query.sql</c>, ...), in the order they apply.</summary>
    public static IReadOnlyList<string> EmbeddedMigrations => Scripts.Value.Select(script => script.FileName).ToList();

    /// <summary>Applies every embedded migration the database has not seen yet.</summary>
    /// <param name="cancellationToken">Cancels between and during scripts; a cancelled script rolls back.</param>
    /// <returns>File names of the migrations this call applied, in order; empty when the schema was current.</returns>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        var seen = await PrepareHistoryAsync(connection, cancellationToken).ConfigureAwait(false);
        var applied = new List<string>();
        foreach (var script in Scripts.Value.Where(script => !seen.Contains(script.Version)))
        {
            if (await ApplyOneAsync(connection, script, cancellationToken).ConfigureAwait(false))
            {
                applied.Add(script.FileName);
            }
        }

        if (applied.Count == 0)
        {
            _logger.LogDebug("Schema of {Database} is current", connection.Database);
        }

        return applied;
    }

    private static async Task<HashSet<int>> PrepareHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog, so the lock covers it too.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS schema_migration (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            connection,
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var seen = new HashSet<int>();
        await using (var select = new NpgsqlCommand("SELECT version FROM schema_migration", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seen.Add(reader.GetInt32(0));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return seen;
    }

    private async Task<bool> ApplyOneAsync(NpgsqlConnection connection, EmbeddedScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        // Another process may have applied it while we waited for the lock.
        await using (var check = new NpgsqlCommand("SELECT 1 FROM schema_migration WHERE version = @version", connection, transaction))
        {
            check.Parameters.AddWithValue("version", script.Version);
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        try
        {
            await using (var run = new NpgsqlCommand(script.Sql, connection, transaction) { CommandTimeout = 0 })
            {
                await run.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migration (version, name) VALUES (@version, @name)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", script.Version);
                record.Parameters.AddWithValue("name", script.FileName);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Schema migration {script.FileName} failed: {ex.Message}", ex);
        }

        _logger.LogInformation("Applied schema migration {Migration} to {Database}", script.FileName, connection.Database);
        return true;
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Transaction-scoped, so neither a failed script nor a pooled connection can leave it held.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<EmbeddedScript> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<EmbeddedScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var match = ScriptName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Embedded SQL file {fileName} is not named NNNN_name.sql, so its place in the migration order is unknown.");
            }

            scripts.Add(new EmbeddedScript(
                int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                fileName,
                ReadResource(assembly, resource)));
        }

        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(script => script.FileName))} share the number {duplicate.Key}.");
        }

        return scripts.OrderBy(script => script.Version).ToList();
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} vanished.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_[A-Za-z0-9_]+\.sql$")]
    private static partial Regex ScriptName();

    private sealed record EmbeddedScript(int Version, string FileName, string Sql);
}
