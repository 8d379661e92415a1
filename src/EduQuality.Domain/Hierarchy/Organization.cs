namespace EduQuality.Domain.Hierarchy;

/// <summary>
/// An organisation (организация): region, municipality or school. <see cref="ParentCode"/> is the parent in force
/// on the date it was read for (empty for a region). Kind and settlement carry the contract's enum numbers.
/// </summary>
public sealed record Organization(
    string Code,
    OrganizationLevel Level,
    string Name,
    string ParentCode,
    int Kind = 0,
    int Settlement = 0,
    int Students = 0);
