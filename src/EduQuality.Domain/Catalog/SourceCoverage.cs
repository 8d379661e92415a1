namespace EduQuality.Domain.Catalog;

/// <summary>How much a source document says about a direction.</summary>
public enum SourceCoverage
{
    /// <summary>Goals, activities and indicators or criteria.</summary>
    Full,

    /// <summary>Some steps or measures only.</summary>
    Partial,

    /// <summary>The direction is named, with no content.</summary>
    Named,

    /// <summary>Touched in passing under another direction.</summary>
    Mentioned,
}
