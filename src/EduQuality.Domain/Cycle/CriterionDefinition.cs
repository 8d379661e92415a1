using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// One maturity criterion (критерий развития, DOMAIN.md §2.4): what should be present at a stage of a direction's
/// cycle, the documents that evidence it, optionally a data signal that also meets it, and whether it is negative
/// (its presence counts against the organisation). <see cref="VoidedBy"/>: a document type whose presence stops the
/// criterion counting (monitoring by indicators with negative consequences is not credited at the municipal level).
/// </summary>
public sealed record CriterionDefinition(
    string Code,
    string Direction,
    CycleStage Stage,
    string TextRu,
    string Source,
    IReadOnlyList<EvidenceType> Evidence,
    DataSignal? Data,
    bool Negative,
    IReadOnlyList<OrganizationLevel> Levels,
    EvidenceType? VoidedBy);
