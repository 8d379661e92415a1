using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EduQuality.Storage.Postgres;

/// <summary>
/// A private PostgreSQL server started from the binaries installed on the machine (no Docker here), listening on
/// 127.0.0.1 only, with trust authentication for the superuser <c>postgres</c>.
/// </summary>
/// <remarks>
/// Two modes. Persistent (<see cref="StartPersistentAsync"/>): the data folder is kept and reused across runs, and a
/// server left behind by a crashed run is stopped and started again. Throwaway (<see cref="StartThrowawayAsync"/>):
/// everything lives in a new folder under the temp directory, deleted on dispose. Next to the data folder sits a
/// runtime folder (<c>&lt;data&gt;-run</c>) with the unix socket and the server log.
/// </remarks>
public sealed class LocalPostgres : IAsyncDisposable, IDisposable
{
    /// <summary>Environment variable that names the folder with <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    public const string BinDirectoryVariable = "EDUQ_PG_BIN";

    /// <summary>The superuser created by <c>initdb</c>; trust authentication means it needs no password.</summary>
    public const string Superuser = "postgres";

    private const string ThrowawayPrefix = "eduq-pg-";
    private const string OwnerPidFile = "owner.pid";
    private const string SettingsFile = "eduquality.conf";
    private const string LogFileName = "postgres.log";
    private const int PortAttempts = 5;
    private static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(60);

    private readonly ILogger _logger;
    private readonly string? _throwawayRoot;
    private readonly bool _fsync;
    private readonly bool _runAsPostgresUser;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _logOffsetAtStart;
    private Process? _reaper;
    private bool _disposed;

    private LocalPostgres(
        string binDirectory, string dataDirectory, string? throwawayRoot, string database, bool fsync, ILogger logger)
    {
        BinDirectory = binDirectory;
        DataDirectory = dataDirectory;
        RunDirectory = dataDirectory + "-run";
        LogFile = Path.Combine(RunDirectory, LogFileName);
        DatabaseName = database;
        _throwawayRoot = throwawayRoot;
        _fsync = fsync;
        _logger = logger;
        _runAsPostgresUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
    }

    /// <summary>The folder with the PostgreSQL binaries in use.</summary>
    public string BinDirectory { get; }

    /// <summary>The cluster's data folder (PGDATA).</summary>
    public string DataDirectory { get; }

    /// <summary>The folder with the unix socket and the server log, beside the data folder.</summary>
    public string RunDirectory { get; }

    /// <summary>The server's log (stdout and stderr of the postmaster).</summary>
    public string LogFile { get; }

    /// <summary>The TCP port on 127.0.0.1; it stays the same across <see cref="StopServerAsync"/>/<see cref="StartServerAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The database created at start and named by <see cref="ConnectionString"/>.</summary>
    public string DatabaseName { get; }

    /// <summary>True when the folder is deleted on dispose.</summary>
    public bool IsThrowaway => _throwawayRoot is not null;

    /// <summary>True between a successful start and the next stop.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Connection string to <see cref="DatabaseName"/>.</summary>
    public string ConnectionString => GetConnectionString(DatabaseName);

    /// <summary>
    /// Starts (initialising first, if needed) a server whose data lives in <paramref name="dataDirectory"/> and survives
    /// this process, for the main job. A server still running on that folder from an earlier, crashed run is stopped first.
    /// </summary>
    /// <param name="dataDirectory">Data folder, e.g. <c>./.eduq/pgdata</c>; created if missing.</param>
    /// <param name="database">Database to create if missing.</param>
    /// <param name="fsync">False trades crash safety for speed (<c>fsync</c>, <c>synchronous_commit</c>, <c>full_page_writes</c> off).</param>
    /// <param name="logger">Receives progress messages; none when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalPostgres> StartPersistentAsync(
        string dataDirectory,
        string database,
        bool fsync = true,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var server = new LocalPostgres(
            FindBinDirectory(), Path.GetFullPath(dataDirectory), null, database, fsync, logger ?? NullLogger.Instance);
        await server.BootAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// Starts a server in a new folder under the temp directory, deleted on dispose: for tests. Throwaway folders left
    /// by processes that died without disposing are cleaned up first.
    /// </summary>
    /// <param name="database">Database to create.</param>
    /// <param name="fsync">False trades crash safety for speed, which is what tests want.</param>
    /// <param name="logger">Receives progress messages; none when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalPostgres> StartThrowawayAsync(
        string database,
        bool fsync = true,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var log = logger ?? NullLogger.Instance;
        var binDirectory = FindBinDirectory();
        await SweepAbandonedThrowawaysAsync(binDirectory, log).ConfigureAwait(false);

        var root = Directory.CreateTempSubdirectory(ThrowawayPrefix).FullName;
        await File.WriteAllTextAsync(
            Path.Combine(root, OwnerPidFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken)
            .ConfigureAwait(false);
        var server = new LocalPostgres(binDirectory, Path.Combine(root, "data"), root, database, fsync, log);
        try
        {
            server.StartReaper(root);
            await server.BootAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The folder with the PostgreSQL server binaries: <c>EDUQ_PG_BIN</c> if set, otherwise the highest version under
    /// <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(Path.Combine(configured, "postgres")) || !File.Exists(Path.Combine(configured, "initdb")))
            {
                throw new InvalidOperationException(
                    $"{BinDirectoryVariable}={configured} does not contain the PostgreSQL binaries (initdb, postgres).");
            }

            return Path.GetFullPath(configured);
        }

        const string installRoot = "/usr/lib/postgresql";
        var found = Directory.Exists(installRoot)
            ? Directory.EnumerateDirectories(installRoot)
                .Select(dir => (Version: ParseMajorVersion(Path.GetFileName(dir)), Bin: Path.Combine(dir, "bin")))
                .Where(candidate => candidate.Version is not null && File.Exists(Path.Combine(candidate.Bin, "postgres")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries under {installRoot}/*/bin; install the postgresql package or set {BinDirectoryVariable}.");
    }

    /// <summary>Creates <paramref name="database"/> on the server behind <paramref name="maintenanceConnectionString"/> unless it exists.</summary>
    /// <param name="maintenanceConnectionString">Connection string to any existing database (usually <c>postgres</c>) as a user allowed to create databases.</param>
    /// <param name="database">Name of the database to create.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task CreateDatabaseIfMissingAsync(
        string maintenanceConnectionString, string database, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        // Unpooled: after a server restart on the same port a pooled connection would fail on first use.
        var unpooled = new NpgsqlConnectionStringBuilder(maintenanceConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }
        }

        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it between our check and our CREATE: the goal is met.
        }
    }

    /// <summary>Connection string to <paramref name="database"/> on this server.</summary>
    public string GetConnectionString(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = Superuser,
            Database = database,
            IncludeErrorDetail = true,
        };
        return builder.ConnectionString;
    }

    /// <summary>Creates <paramref name="database"/> on this server unless it exists.</summary>
    public Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default) =>
        CreateDatabaseIfMissingAsync(GetConnectionString("postgres"), database, cancellationToken);

    /// <summary>
    /// Stops the server (fast shutdown: open sessions are cut) and keeps its folder, so that
    /// <see cref="StartServerAsync"/> brings the same server back on the same port; for fault tests.
    /// </summary>
    /// <param name="immediate">True to stop without a shutdown checkpoint, as a crash would; the next start then runs recovery.</param>
    /// <param name="cancellationToken">Cancels waiting for the stop.</param>
    public async Task StopServerAsync(bool immediate = false, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsRunning)
            {
                await StopAsync(immediate ? "immediate" : "fast", cancellationToken).ConfigureAwait(false);
                IsRunning = false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts the server again after <see cref="StopServerAsync"/>, on the same port.</summary>
    public async Task StartServerAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsRunning)
            {
                await StartOnPortAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server and, for a throwaway instance, deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (IsRunning)
            {
                await StopAsync("fast", CancellationToken.None).ConfigureAwait(false);
                IsRunning = false;
            }
        }
        finally
        {
            _gate.Release();
            if (_throwawayRoot is not null)
            {
                DeleteFolder(_throwawayRoot, _logger);
            }

            StopReaper();
        }
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override string ToString() =>
        $"PostgreSQL at 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}, data {DataDirectory}";

    private void StartReaper(string root)
    {
        // Test hosts are often killed without running exit handlers; a detached watcher stops the server and deletes
        // the folder once this process is gone. It exits early only when killed by a regular dispose.
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1"; do sleep 1; done
            if [ -f "$2/data/postmaster.pid" ]; then
              if [ "$4" = postgres ]; then runuser -u postgres -- "$3" stop -D "$2/data" -m immediate -s
              else "$3" stop -D "$2/data" -m immediate -s; fi
            fi
            rm -rf "$2"
            """;
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in new[]
                 {
                     "sh", "-c", script, "eduq-pg-reaper", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                     root, Path.Combine(BinDirectory, "pg_ctl"), _runAsPostgresUser ? Superuser : "self",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _reaper = Process.Start(start) ?? throw new InvalidOperationException("Could not start the clean-up watcher (setsid sh).");
    }

    private void StopReaper()
    {
        if (_reaper is null)
        {
            return;
        }

        try
        {
            _reaper.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }

        _reaper.Dispose();
        _reaper = null;
    }

    private async Task BootAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        PrepareFolders();
        if (_runAsPostgresUser)
        {
            await GrantFoldersToPostgresUserAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitDbAsync(cancellationToken).ConfigureAwait(false);
        }

        await StopLeftoverServerAsync(cancellationToken).ConfigureAwait(false);
        await StartOnFreePortAsync(cancellationToken).ConfigureAwait(false);
        await CreateDatabaseAsync(DatabaseName, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation(
            "PostgreSQL ready on 127.0.0.1:{Port} (data {DataDirectory}, fsync {Fsync}) in {Elapsed} ms",
            Port, DataDirectory, _fsync ? "on" : "off", stopwatch.ElapsedMilliseconds);
    }

    private void PrepareFolders()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(RunDirectory);
        if (!_runAsPostgresUser && !OperatingSystem.IsWindows())
        {
            // initdb insists on a private data folder when it did not create the folder itself.
            File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task GrantFoldersToPostgresUserAsync(CancellationToken cancellationToken)
    {
        // The postgres user must reach the data folder: folders we made under /tmp may be private to root, so hand
        // them over; anything else it cannot traverse is the caller's to fix.
        var ancestors = new List<string>();
        for (var dir = Path.GetDirectoryName(DataDirectory); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            ancestors.Insert(0, dir);
        }

        foreach (var ancestor in ancestors)
        {
            if (await RunAsPostgresUserSucceedsAsync("test", ["-x", ancestor], cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (!ancestor.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && !ancestor.StartsWith("/tmp/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The postgres OS user cannot enter {ancestor}; choose a data folder it can reach, e.g. under /tmp.");
            }

            await RunCheckedAsync("chown", [$"{Superuser}:", ancestor], cancellationToken).ConfigureAwait(false);
        }

        foreach (var folder in new[] { DataDirectory, RunDirectory })
        {
            if (!await RunAsPostgresUserSucceedsAsync("test", ["-O", folder], cancellationToken).ConfigureAwait(false))
            {
                await RunCheckedAsync("chown", ["-R", $"{Superuser}:", folder], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions",
        ];
        if (!_fsync)
        {
            arguments.Add("--no-sync");
        }

        var result = await RunPostgresToolAsync("initdb", arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"initdb failed for {DataDirectory} (exit code {result.ExitCode}):{Environment.NewLine}{result.Output}");
        }

        // Only loopback TCP and the private socket; the superuser needs no password on either.
        await File.WriteAllTextAsync(
            Path.Combine(DataDirectory, "pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 trust\n",
            cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Initialised a PostgreSQL cluster in {DataDirectory}", DataDirectory);
    }

    private async Task StopLeftoverServerAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        var firstLine = (await File.ReadAllLinesAsync(pidFile, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        if (int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsPostmasterOf(pid, DataDirectory))
        {
            _logger.LogWarning("Stopping a PostgreSQL server (pid {Pid}) left running on {DataDirectory}", pid, DataDirectory);
            await StopAsync("fast", cancellationToken).ConfigureAwait(false);
            return;
        }

        // The pid is gone or belongs to an unrelated process since a crash; postgres would refuse to start over it.
        _logger.LogWarning("Removing stale {PidFile}", pidFile);
        File.Delete(pidFile);
    }

    private async Task StartOnFreePortAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = PickFreePort();
            try
            {
                await StartOnPortAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < PortAttempts && PortWasTaken())
            {
                _logger.LogInformation("Port {Port} was taken before PostgreSQL bound it; trying another", Port);
            }
        }
    }

    private async Task StartOnPortAsync(CancellationToken cancellationToken)
    {
        await WriteSettingsAsync(cancellationToken).ConfigureAwait(false);
        // A persistent log keeps earlier runs; failure reports quote only what this start wrote.
        _logOffsetAtStart = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
        var result = await RunPostgresToolAsync(
            "pg_ctl",
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", ((int)ServerTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-s"],
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL did not start on port {Port} (pg_ctl exit code {result.ExitCode}): {result.Output.Trim()}"
                + $"{Environment.NewLine}Last lines of {LogFile}:{Environment.NewLine}{ReadLogTail()}");
        }

        IsRunning = true;
        await WaitUntilAcceptingConnectionsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteSettingsAsync(CancellationToken cancellationToken)
    {
        var durability = _fsync ? "on" : "off";
        var settings = new StringBuilder()
            .AppendLine("# Written by EduQuality's LocalPostgres at every start; edits are overwritten.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {Port}")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{RunDirectory.Replace("'", "''", StringComparison.Ordinal)}'")
            .AppendLine("max_connections = 200")
            .AppendLine("shared_buffers = '1GB'")
            .AppendLine("work_mem = '16MB'")
            .AppendLine("maintenance_work_mem = '256MB'")
            .AppendLine("effective_cache_size = '4GB'")
            .AppendLine("max_parallel_workers_per_gather = 1")
            // No replicas here; minimal WAL lets COPY into a table created in the same transaction skip WAL.
            .AppendLine("wal_level = 'minimal'")
            .AppendLine("max_wal_senders = 0")
            .AppendLine("max_wal_size = '2GB'")
            .AppendLine(CultureInfo.InvariantCulture, $"fsync = {durability}")
            .AppendLine(CultureInfo.InvariantCulture, $"synchronous_commit = {durability}")
            .AppendLine(CultureInfo.InvariantCulture, $"full_page_writes = {durability}")
            .AppendLine("timezone = 'UTC'")
            .AppendLine("log_timezone = 'UTC'")
            .AppendLine("logging_collector = off")
            .ToString();
        var settingsPath = Path.Combine(DataDirectory, SettingsFile);
        await File.WriteAllTextAsync(settingsPath, settings, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            // Written by root when running as root, whatever its umask: the server (as postgres) only has to read it.
            File.SetUnixFileMode(
                settingsPath,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var mainConfig = Path.Combine(DataDirectory, "postgresql.conf");
        var include = $"include_if_exists = '{SettingsFile}'";
        var current = await File.ReadAllTextAsync(mainConfig, cancellationToken).ConfigureAwait(false);
        if (!current.Contains(include, StringComparison.Ordinal))
        {
            await File.AppendAllTextAsync(mainConfig, $"{Environment.NewLine}{include}{Environment.NewLine}", cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task WaitUntilAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        // pg_ctl -w returns once the postmaster reports ready; the probe confirms TCP and authentication work too.
        var deadline = DateTime.UtcNow + ServerTimeout;
        var probe = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false, Timeout = 5 }.ConnectionString;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException ex) when (DateTime.UtcNow < deadline)
            {
                _logger.LogDebug(ex, "PostgreSQL on port {Port} does not accept connections yet", Port);
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL on port {Port} started but refuses connections: {ex.Message}"
                    + $"{Environment.NewLine}Last lines of {LogFile}:{Environment.NewLine}{ReadLogTail()}", ex);
            }
        }
    }

    private async Task StopAsync(string mode, CancellationToken cancellationToken)
    {
        var timeout = ((int)ServerTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var result = await RunPostgresToolAsync(
            "pg_ctl", ["stop", "-D", DataDirectory, "-m", mode, "-w", "-t", timeout, "-s"], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return;
        }

        if (mode != "immediate")
        {
            _logger.LogWarning("pg_ctl stop -m {Mode} failed ({Output}); stopping immediately", mode, result.Output.Trim());
            await StopAsync("immediate", cancellationToken).ConfigureAwait(false);
            return;
        }

        throw new InvalidOperationException(
            $"PostgreSQL in {DataDirectory} did not stop (pg_ctl exit code {result.ExitCode}): {result.Output.Trim()}");
    }

    private bool PortWasTaken()
    {
        var tail = ReadLogTail();
        return tail.Contains("Address already in use", StringComparison.Ordinal)
            || tail.Contains("could not create any TCP/IP sockets", StringComparison.Ordinal);
    }

    private string ReadLogTail()
    {
        const int lines = 30;
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(_logOffsetAtStart, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines)).TrimEnd();
        }
        catch (IOException ex)
        {
            return $"(log unavailable: {ex.Message})";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"(log unavailable: {ex.Message})";
        }
    }

    private Task<ToolResult> RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(BinDirectory, tool), arguments, _runAsPostgresUser, RunDirectory, cancellationToken);

    private async Task<bool> RunAsPostgresUserSucceedsAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await RunAsync(command, arguments, asPostgresUser: true, workingDirectory: "/", cancellationToken).ConfigureAwait(false)).ExitCode == 0;

    private static async Task RunCheckedAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await RunAsync(command, arguments, asPostgresUser: false, workingDirectory: "/", cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{command} {string.Join(' ', arguments)} failed (exit code {result.ExitCode}): {result.Output.Trim()}");
        }
    }

    private static async Task<ToolResult> RunAsync(
        string command, IReadOnlyList<string> arguments, bool asPostgresUser, string workingDirectory, CancellationToken cancellationToken)
    {
        // initdb, pg_ctl and postgres refuse to run as root; runuser drops to the postgres OS user for them.
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (asPostgresUser)
        {
            foreach (var prefix in new[] { "-u", Superuser, "--", command })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        return new ToolResult(process.ExitCode, output);
    }

    private static async Task SweepAbandonedThrowawaysAsync(string binDirectory, ILogger logger)
    {
        // A test run killed before disposing leaves a server holding 256 MB of shared buffers; reclaim it.
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), ThrowawayPrefix + "*"))
        {
            try
            {
                var ownerText = await File.ReadAllTextAsync(Path.Combine(root, OwnerPidFile)).ConfigureAwait(false);
                if (!int.TryParse(ownerText, NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
                    || Directory.Exists($"/proc/{owner.ToString(CultureInfo.InvariantCulture)}"))
                {
                    continue;
                }

                var orphan = new LocalPostgres(binDirectory, Path.Combine(root, "data"), root, "postgres", false, logger);
                await orphan.StopLeftoverServerAsync(CancellationToken.None).ConfigureAwait(false);
                DeleteFolder(root, logger);
                logger.LogInformation("Removed abandoned throwaway PostgreSQL folder {Folder}", root);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                logger.LogDebug(ex, "Left {Folder} alone", root);
            }
        }
    }

    private static bool IsPostmasterOf(int pid, string dataDirectory)
    {
        // The postmaster's working directory is its data folder, which tells it apart from a recycled pid.
        try
        {
            var cwd = new DirectoryInfo($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cwd").LinkTarget;
            return cwd is not null
                && string.Equals(Path.TrimEndingDirectorySeparator(cwd), Path.TrimEndingDirectorySeparator(dataDirectory), StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int PickFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int? ParseMajorVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    private static void DeleteFolder(string folder, ILogger logger)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not delete {Folder}", folder);
        }
    }

    private readonly record struct ToolResult(int ExitCode, string Output);
}
