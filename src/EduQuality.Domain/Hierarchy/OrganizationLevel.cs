namespace EduQuality.Domain.Hierarchy;

/// <summary>Level in the hierarchy; values equal the public contract's enum numbers.</summary>
public enum OrganizationLevel
{
    /// <summary>Субъект РФ.</summary>
    Region = 1,

    /// <summary>Муниципальное образование.</summary>
    Municipality = 2,

    /// <summary>Образовательная организация.</summary>
    School = 3,
}
