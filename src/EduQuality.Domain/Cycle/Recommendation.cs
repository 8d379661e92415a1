namespace EduQuality.Domain.Cycle;

/// <summary>
/// An address recommendation issued by one organisation's cycle (<see cref="IssuedBy"/>, at its analysis stage) to an
/// organisation of its subtree (<see cref="OrganizationCode"/>), for one direction and period. A region's
/// recommendations to a municipality or school are the input of their own cycles (DOMAIN.md §2.3).
/// </summary>
public sealed record Recommendation(
    long Id,
    CycleKey IssuedBy,
    string OrganizationCode,
    RecommendationSource Source,
    Addressee Addressee,
    string Subject,
    DateOnly DueDate,
    RecommendationStatus Status);
