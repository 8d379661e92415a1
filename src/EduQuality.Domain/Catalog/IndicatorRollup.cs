namespace EduQuality.Domain.Catalog;

/// <summary>How a value moves up the hierarchy (школа → муниципалитет → регион).</summary>
public enum IndicatorRollup
{
    /// <summary>Numerators and denominators are summed, then divided at each level.</summary>
    Pooled,

    /// <summary>At each level, the share of child organisations meeting the condition over the organisations in scope.</summary>
    SchoolCount,

    /// <summary>Computed only where it is defined; not combined from children.</summary>
    None,
}
