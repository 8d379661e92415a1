using EduQuality.Domain.Validation;

namespace EduQuality.Cli.Import.Targets;

/// <summary>The server refused a chunk (INVALID_ARGUMENT): its violations, by item index in the chunk.</summary>
public sealed class ChunkRefusedException(string batchId, string message, IReadOnlyList<Violation> violations) : Exception(message)
{
    public string BatchId { get; } = batchId;

    public IReadOnlyList<Violation> Violations { get; } = violations;
}
