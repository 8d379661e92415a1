using EduQuality.Cli.Import;
using EduQuality.Server.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Import;

/// <summary>An import cut off half-way resumes from its journal; every row of the file is stored once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ResumeTests(PostgresFixture postgres)
{
    private const string Vpr = "vpr-2025-ma5-fisoko.csv";

    [Fact]
    public async Task Interrupted_import_resumes_from_its_journal_and_loads_each_row_once()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_resume"));
        using var importer = new Importer(server);
        await importer.RunAsync(SampleFiles.Path("organizations-r77.csv"), "organizations-registry");
        var rows = SampleFiles.Csv(Vpr, 1251, ';').Rows.Count;
        // 20 rows a batch, one batch a stream, one stream at a time: the file goes in ceil(rows / 20) acknowledged steps.
        var options = new ImportOptions { BatchRows = 20, BatchesPerStream = 1, Parallelism = 1 };
        var batches = (rows + 19) / 20;

        using var interrupt = new CancellationTokenSource();
        var first = await importer.RunAsync(SampleFiles.Path(Vpr), "vpr-fisoko", 2025, options,
            new Stop(p => p.RowsDone >= 60, interrupt), interrupt.Token);
        Assert.True(first.Interrupted);
        Assert.InRange(first.BatchesSent, 3, batches - 1);
        Assert.Equal(first.BatchesSent * 20, first.Inserted);

        var second = await importer.RunAsync(SampleFiles.Path(Vpr), "vpr-fisoko", 2025, options);
        Assert.False(second.Interrupted);
        Assert.Equal(first.BatchesSent, second.BatchesResumed);
        Assert.Equal(batches - first.BatchesSent, second.BatchesSent);
        Assert.Equal(rows, first.Inserted + second.Inserted + (second.DuplicateBatches * 20));
        Assert.Equal(rows, await StoredRowsAsync(server));

        // Without the journal every batch goes again; the server recognises each one and stores nothing twice.
        Directory.Delete(importer.JournalFolder, recursive: true);
        var third = await importer.RunAsync(SampleFiles.Path(Vpr), "vpr-fisoko", 2025, options);
        Assert.Equal((batches, batches, 0), (third.BatchesSent, third.DuplicateBatches, third.Inserted));
        Assert.Equal(rows, await StoredRowsAsync(server));
    }

    private static async Task<long> StoredRowsAsync(RunningServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM assessment_result WHERE year = 2025 AND procedure = 1", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Cancels the import once the acknowledged rows reach a point, as Ctrl+C would.</summary>
    internal sealed class Stop(Func<ImportProgress, bool> when, CancellationTokenSource interrupt) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (when(value))
            {
                interrupt.Cancel();
            }
        }
    }
}
