namespace EduQuality.Domain.Catalog;

/// <summary>The unit (единица измерения) of an indicator value.</summary>
public enum IndicatorUnit
{
    Percent,
    Count,
    Score,
    Bool,

    /// <summary>A correlation coefficient, −1 … 1.</summary>
    Coefficient,
}
