namespace EduQuality.Domain.Cycle;

/// <summary>A refused operation: a stable <see cref="Code"/> (see <see cref="RefusalCode"/>) and a Russian message for users.</summary>
public sealed record Refusal(string Code, string Message);
