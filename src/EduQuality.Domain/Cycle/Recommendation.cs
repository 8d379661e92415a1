using EduQuality.Domain.Analysis.Recommendations;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// An address recommendation issued by one organisation's cycle (<see cref="IssuedBy"/>, at its analysis stage) to an
/// organisation of its subtree (<see cref="OrganizationCode"/>), for one direction and period. A region's
/// recommendations to a municipality or school are the input of their own cycles (DOMAIN.md §2.3). One imported from
/// the region's analysis keeps the analysis' stable id (<see cref="AnalysisId"/>) and the figures behind it
/// (<see cref="Trace"/>); a withdrawn one keeps the reason.
/// </summary>
public sealed record Recommendation(
    long Id,
    CycleKey IssuedBy,
    string OrganizationCode,
    RecommendationSource Source,
    Addressee Addressee,
    string Subject,
    DateOnly DueDate,
    RecommendationStatus Status,
    string AnalysisId = "",
    IReadOnlyList<TraceFigure>? Trace = null,
    string WithdrawalReason = "");
