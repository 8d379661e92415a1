namespace EduQuality.Cli.Import.Targets;

/// <summary>A batch of items cut from a file, with the line of each item and its deterministic batch id.</summary>
public sealed record ImportChunk<TItem>(int Index, string BatchId, IReadOnlyList<TItem> Items, IReadOnlyList<int> Lines);
