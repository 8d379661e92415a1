namespace EduQuality.Cli.Import;

/// <summary>How an import cuts and sends its file.</summary>
public sealed record ImportOptions
{
    /// <summary>Data rows of the file per batch (the last batch may be smaller; refused rows leave gaps).</summary>
    public int BatchRows { get; init; } = 2000;

    /// <summary>Batches per upload stream; the journal records a stream's batches when the server acknowledges them.</summary>
    public int BatchesPerStream { get; init; } = 4;

    /// <summary>Upload streams at once (the command's --parallelism, default 4).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Send the valid rows even when others are refused (default: send nothing while any row is refused).</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Folder of the journals of acknowledged batches.</summary>
    public string JournalFolder { get; init; } = ImportJournal.DefaultFolder;
}
