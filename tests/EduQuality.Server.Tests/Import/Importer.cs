using EduQuality.Cli.Import;
using EduQuality.Server.Tests.Infrastructure;

namespace EduQuality.Server.Tests.Import;

/// <summary>Runs the eduq importer against a running server, with a journal folder of its own.</summary>
public sealed class Importer(RunningServer server) : IDisposable
{
    public string JournalFolder { get; } = Path.Combine(Path.GetTempPath(), "eduq-import-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public StringWriter Output { get; } = new();

    public Task<ImportSummary> RunAsync(string path, string layout, int? year = null, ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportRun.RunAsync(server.Channel, path, ImportLayout.Load(layout), year,
            (options ?? new ImportOptions()) with { JournalFolder = JournalFolder }, Output, progress, cancellationToken);

    public void Dispose()
    {
        if (Directory.Exists(JournalFolder))
        {
            Directory.Delete(JournalFolder, recursive: true);
        }
    }
}
