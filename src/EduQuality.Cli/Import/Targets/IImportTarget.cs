using EduQuality.Cli.Import.Tables;
using EduQuality.Domain.Validation;
using Google.Protobuf;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// What the rows of a file become and how they reach the server. A new kind of import is a layout file plus one
/// of these: the reading, validation order, batching, journal, progress and summary are shared (FileImporter).
/// </summary>
public interface IImportTarget<TItem> where TItem : class, IMessage<TItem>
{
    /// <summary>Contract fields a layout may map for this target.</summary>
    IReadOnlySet<string> Fields { get; }

    /// <summary>Fields whose cells carry several tasks (their columns are named for task problems).</summary>
    IReadOnlyList<string> TaskFields { get; }

    /// <summary>Part of every batch id and journal name that changes with the target's options (layout, year).</summary>
    string BatchTag { get; }

    /// <summary>The item's natural key: two rows of one file with the same key are refused, wherever they fall.</summary>
    string NaturalKey(TItem item);

    /// <summary>The contract field that holds the key's distinguishing part (for messages).</summary>
    string KeyField { get; }

    /// <summary>Builds one item from a row; reports each unconvertible cell by field, value and problem.</summary>
    TItem? Map(SourceRow row, LayoutBinding binding, Action<string, string, string> problem);

    /// <summary>
    /// The server's own validation of one chunk, run locally: violations carry the item's index in the chunk and the
    /// contract field path (as in the server's google.rpc.BadRequest).
    /// </summary>
    Task<IReadOnlyList<Violation>> ValidateAsync(IReadOnlyList<TItem> chunk, CancellationToken cancellationToken);

    /// <summary>
    /// Sends chunks and returns one acknowledgement per chunk; a chunk the server refuses raises
    /// <see cref="ChunkRefusedException"/>.
    /// </summary>
    Task<IReadOnlyList<ChunkAck>> SendAsync(IReadOnlyList<ImportChunk<TItem>> chunks, CancellationToken cancellationToken);
}
