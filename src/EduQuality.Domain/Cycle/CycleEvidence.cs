namespace EduQuality.Domain.Cycle;

/// <summary>
/// A document that evidences a stage of one cycle instance: its type, title, number and date, and where it is
/// published on the organisation's official site (absolute http or https URL).
/// </summary>
public sealed record CycleEvidence(
    CycleStage Stage,
    EvidenceType Type,
    string Title,
    string Number,
    DateOnly Date,
    string Url,
    int Wave);
