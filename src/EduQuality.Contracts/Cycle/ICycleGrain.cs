using EduQuality.Domain.Cycle;

namespace EduQuality.Contracts.Cycle;

/// <summary>
/// The live front of one cycle instance, keyed by <see cref="CycleKey.ToString"/> ("{period}/{direction}/{organisation}").
/// It serialises changes to the instance, writes them to PostgreSQL (the truth) before answering, and keeps a
/// reminder that checks the instance against its region's calendar.
/// </summary>
public interface ICycleGrain : IGrainWithStringKey
{
    Task<CycleInstance> GetAsync();

    /// <summary>
    /// Moves the instance to <paramref name="to"/>. When the last transition already went to <paramref name="to"/>
    /// (from <paramref name="expectedFrom"/>, when given) and the instance is still there, nothing changes: a retried
    /// call is harmless with or without <paramref name="expectedFrom"/> (<see cref="CycleInstance.Repeats"/>).
    /// </summary>
    Task<CycleChange> TransitionAsync(CycleStage? expectedFrom, CycleStage to, string actor);

    Task<CycleChange> AddEvidenceAsync(CycleEvidence evidence, string actor);

    /// <summary>Re-reads the instance from the tables (another grain wrote it: the loop from the previous period) and checks it.</summary>
    Task ReloadAsync();
}
