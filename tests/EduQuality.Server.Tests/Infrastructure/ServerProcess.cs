using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using EduQuality.Api.Clients;
using EduQuality.Api.V1;
using EduQuality.Server.Hosting;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>
/// The built server (<c>src/EduQuality.Server/bin/&lt;configuration&gt;/net10.0/EduQuality.Server.dll</c>) run as a
/// separate process with command-line settings, for tests that kill a silo for real. Its console output is kept
/// (the last lines) to explain a failure.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ServerProcess(string name, Process process, int grpcPort, int siloPort)
    {
        Name = name;
        _process = process;
        GrpcPort = grpcPort;
        SiloPort = siloPort;
        Channel = EduQualityChannel.Create($"http://127.0.0.1:{grpcPort}", RunningServer.AdministratorKey);
        Organizations = new OrganizationService.OrganizationServiceClient(Channel);
        Ingest = new IngestService.IngestServiceClient(Channel);
        Query = new QueryService.QueryServiceClient(Channel);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>A name for messages, e.g. "silo2".</summary>
    public string Name { get; }

    public int GrpcPort { get; }

    /// <summary>The Orleans silo-to-silo port; with 127.0.0.1 it identifies the silo in the membership table.</summary>
    public int SiloPort { get; }

    public GrpcChannel Channel { get; }

    public OrganizationService.OrganizationServiceClient Organizations { get; }

    public IngestService.IngestServiceClient Ingest { get; }

    public QueryService.QueryServiceClient Query { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The server's assembly built with the same configuration (Debug or Release) as this test assembly.</summary>
    public static string ServerAssemblyPath
    {
        get
        {
            var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
                ?? throw new InvalidOperationException("The test assembly does not name its build configuration.");
            var repository = new DirectoryInfo(AppContext.BaseDirectory);
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "EduQuality.sln")))
            {
                repository = repository.Parent;
            }

            if (repository is null)
            {
                throw new InvalidOperationException($"No EduQuality.sln above {AppContext.BaseDirectory}.");
            }

            var path = Path.Combine(repository.FullName, "src", "EduQuality.Server", "bin", configuration, "net10.0", "EduQuality.Server.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The server is not built at {path}.", path);
        }
    }

    /// <summary>
    /// Starts a server process on fresh loopback ports as a silo of <paramref name="clusterId"/> and waits until its
    /// gRPC health check answers SERVING.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string name, string connectionString, string clusterId, TimeSpan startTimeout, int coalesceMilliseconds = 50)
    {
        int grpcPort = FreePorts.Next(), httpPort = FreePorts.Next(), siloPort = FreePorts.Next(), gatewayPort = FreePorts.Next();
        var assembly = ServerAssemblyPath;
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (var argument in new[]
                 {
                     assembly,
                     $"--EduQuality:ConnectionString={connectionString}",
                     $"--EduQuality:GrpcPort={Text(grpcPort)}",
                     $"--EduQuality:HttpPort={Text(httpPort)}",
                     $"--EduQuality:SiloPort={Text(siloPort)}",
                     $"--EduQuality:GatewayPort={Text(gatewayPort)}",
                     $"--EduQuality:ClusterId={clusterId}",
                     $"--EduQuality:Security:BootstrapKey={RunningServer.AdministratorKey}",
                     $"--EduQuality:RollupCoalesceMilliseconds={Text(coalesceMilliseconds)}",
                     "--Logging:LogLevel:Default=Warning",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        StartReaper(process.Id);
        var server = new ServerProcess(name, process, grpcPort, siloPort);
        try
        {
            await server.WaitUntilServingAsync(startTimeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process at once, with no shutdown of any kind, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return $"--- {Name} (pid {Text(_process.Id)}), last {Text(_output.Count)} lines ---{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var health = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {Text(_process.ExitCode)} while starting.{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                last = response.Status.ToString();
            }
            catch (RpcException e)
            {
                last = $"{e.StatusCode}: {e.Status.Detail}";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} did not answer SERVING within {timeout.TotalSeconds:0} s (last: {last}).{Environment.NewLine}{OutputTail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>
    /// A test host killed before it disposes would leave the silo running and busy; a detached watcher kills the
    /// server once this process is gone, and ends by itself when the server ends first.
    /// </summary>
    private static void StartReaper(int serverPid)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" && kill -0 "$2"; do sleep 1; done
            kill -9 "$2"
            """;
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in new[] { "sh", "-c", script, "eduq-silo-reaper", Text(Environment.ProcessId), Text(serverPid) })
        {
            start.ArgumentList.Add(argument);
        }

        using var reaper = Process.Start(start);
    }

    private static string DotnetHost()
    {
        // Under "dotnet test" the test host runs on the dotnet muxer; use the same one.
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
