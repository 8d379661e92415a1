namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// The server's acknowledgement of one chunk: rows new, corrected (changed values of a known key; for organisations,
/// updated) and unchanged; <see cref="Duplicate"/> when the batch id had been applied before.
/// </summary>
public sealed record ChunkAck(string BatchId, int Rows, int Inserted, int Corrected, int Unchanged, bool Duplicate);
