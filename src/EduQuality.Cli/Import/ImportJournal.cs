using System.Globalization;
using EduQuality.Cli.Import.Targets;

namespace EduQuality.Cli.Import;

/// <summary>
/// The acknowledged batches of one file's import (журнал загрузки), one line per batch, so that an interrupted import
/// resumes where it stopped. Kept under a folder (default ~/.eduq/imports) by the file's content hash: a renamed
/// copy resumes, a changed file starts afresh. Losing it is harmless: the server recognises resent batch ids.
/// </summary>
public sealed class ImportJournal
{
    private readonly string _path;
    private readonly Dictionary<string, ChunkAck> _acknowledged = new(StringComparer.Ordinal);

    private ImportJournal(string path) => _path = path;

    /// <summary>Default folder: ~/.eduq/imports.</summary>
    public static string DefaultFolder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".eduq", "imports");

    public string FilePath => _path;

    public static ImportJournal Open(string folder, string contentHash, string batchTag)
    {
        Directory.CreateDirectory(folder);
        var journal = new ImportJournal(Path.Combine(folder, $"{batchTag}-{contentHash[..32]}.journal"));
        if (File.Exists(journal._path))
        {
            foreach (var line in File.ReadAllLines(journal._path))
            {
                var parts = line.Split(' ');
                // A line cut short by a crash while it was written is ignored: that batch is simply sent again.
                if (parts.Length == 5 && parts.Skip(1).All(p => int.TryParse(p, CultureInfo.InvariantCulture, out _)))
                {
                    int Part(int i) => int.Parse(parts[i], CultureInfo.InvariantCulture);
                    journal._acknowledged[parts[0]] = new ChunkAck(parts[0], Part(1), Part(2), Part(3), Part(4), Duplicate: false);
                }
            }
        }

        return journal;
    }

    /// <summary>The acknowledgement recorded for a batch id, or null.</summary>
    public ChunkAck? Find(string batchId) => _acknowledged.GetValueOrDefault(batchId);

    public void Record(IEnumerable<ChunkAck> acks)
    {
        var lines = acks.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.BatchId} {a.Rows} {a.Inserted} {a.Corrected} {a.Unchanged}")).ToList();
        File.AppendAllLines(_path, lines);
        foreach (var ack in acks)
        {
            _acknowledged[ack.BatchId] = ack;
        }
    }
}
