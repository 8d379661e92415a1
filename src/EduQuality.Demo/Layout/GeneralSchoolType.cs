namespace EduQuality.Demo.Layout;

/// <summary>Type of a general school, which sets its size, grades and profile.</summary>
internal enum GeneralSchoolType
{
    /// <summary>Not a general school (kindergarten, additional education, college): writes no assessments.</summary>
    None = 0,

    /// <summary>Средняя общеобразовательная школа (СОШ), grades 1–11.</summary>
    Secondary = 1,

    /// <summary>Основная общеобразовательная школа (ООШ), grades 1–9, no ЕГЭ.</summary>
    Basic = 2,

    /// <summary>Лицей: advanced study, larger senior grades.</summary>
    Lyceum = 3,

    /// <summary>Гимназия: advanced study, larger senior grades.</summary>
    Gymnasium = 4,
}
