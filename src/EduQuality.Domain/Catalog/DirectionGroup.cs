namespace EduQuality.Domain.Catalog;

/// <summary>The FIOKO group of a direction (направление).</summary>
public enum DirectionGroup
{
    /// <summary>Механизмы управления качеством образовательных результатов (R1–R4).</summary>
    Results,

    /// <summary>Механизмы управления качеством образовательной деятельности (A1–A5).</summary>
    Activities,

    /// <summary>A direction a region adds for itself.</summary>
    Local,
}
