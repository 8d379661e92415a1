using EduQuality.Domain.Cycle;

namespace EduQuality.Contracts.Cycle;

/// <summary>
/// The instance after a change was asked for, and the refusal when it was not made. <see cref="Opened"/> is the next
/// period's instance when the change was the loop into it. Not immutable: the instance is the grain's live object, so
/// Orleans copies it even between a grain and a caller in the same silo.
/// </summary>
[GenerateSerializer]
public sealed record CycleChange([property: Id(0)] CycleInstance Instance, [property: Id(1)] Refusal? Refusal, [property: Id(2)] CycleInstance? Opened);
