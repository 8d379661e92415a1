namespace EduQuality.Domain.Cycle;

/// <summary>Who an address recommendation is for (DOMAIN.md §2.2, step 4.4). Values are the public contract's enum numbers.</summary>
public enum Addressee
{
    /// <summary>Министерство (орган управления образованием субъекта).</summary>
    Ministry = 1,

    /// <summary>Орган местного самоуправления, управляющий в сфере образования.</summary>
    MunicipalAuthority = 2,

    /// <summary>Руководитель образовательной организации.</summary>
    SchoolHead = 3,

    /// <summary>Педагоги.</summary>
    Teachers = 4,

    /// <summary>Родители.</summary>
    Parents = 5,
}
