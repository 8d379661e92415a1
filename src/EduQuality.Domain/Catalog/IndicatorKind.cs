namespace EduQuality.Domain.Catalog;

/// <summary>How an indicator (показатель) is computed; the JSON name is the camel-case member name.</summary>
public enum IndicatorKind
{
    /// <summary>Доля: numerator count / denominator count × 100.</summary>
    Share,

    /// <summary>Среднее: a sum divided by a count.</summary>
    Mean,

    /// <summary>Медиана of a distribution (histogram) measure.</summary>
    Median,

    /// <summary>Количество: a single count.</summary>
    Count,

    /// <summary>Наличие: whether the listed evidence exists (да/нет).</summary>
    Presence,

    /// <summary>Интегральный показатель built from other indicators.</summary>
    Composite,

    /// <summary>Residual of a regression: actual outcome minus the value predicted from the other variables.</summary>
    Residual,

    /// <summary>Корреляция between paired per-student variables.</summary>
    Correlation,
}
