namespace EduQuality.Domain.Catalog;

/// <summary>What a measure supplies to a formula.</summary>
public enum MeasureRole
{
    /// <summary>A number of students, teachers, schools and so on: numerator or denominator.</summary>
    Count,

    /// <summary>A sum of scores or marks: the numerator of a mean.</summary>
    Sum,

    /// <summary>A histogram: the input of a median.</summary>
    Distribution,

    /// <summary>A value per student or per school: an input of a correlation or a regression.</summary>
    Variable,
}
