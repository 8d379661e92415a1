using EduQuality.Cli.Import;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Net.Client;

namespace EduQuality.Server.Tests.Import;

/// <summary>
/// Runs the eduq importer against a running server, with a journal folder of its own, over the administrator's channel
/// or <paramref name="channel"/> (another key's).
/// </summary>
public sealed class Importer(RunningServer server, GrpcChannel? channel = null) : IDisposable
{
    public string JournalFolder { get; } = Path.Combine(Path.GetTempPath(), "eduq-import-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public StringWriter Output { get; } = new();

    public Task<ImportSummary> RunAsync(string path, string layout, int? year = null, ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportRun.RunAsync(channel ?? server.Channel, path, ImportLayout.Load(layout), year,
            (options ?? new ImportOptions()) with { JournalFolder = JournalFolder }, Output, progress, cancellationToken);

    public void Dispose()
    {
        if (Directory.Exists(JournalFolder))
        {
            Directory.Delete(JournalFolder, recursive: true);
        }
    }
}
