namespace EduQuality.Domain.Security;

/// <summary>What a principal may do (роль); values equal the public contract's enum numbers.</summary>
public enum Role
{
    /// <summary>Администратор региона: everything within its scope.</summary>
    RegionAdministrator = 1,

    /// <summary>Аналитик региона.</summary>
    RegionAnalyst = 2,

    /// <summary>Аналитик муниципалитета.</summary>
    MunicipalityAnalyst = 3,

    /// <summary>Оператор образовательной организации.</summary>
    SchoolOperator = 4,

    /// <summary>Региональная информационная система, передающая результаты.</summary>
    IntegrationWriter = 5,

    /// <summary>Только чтение.</summary>
    ReadOnly = 6,
}
