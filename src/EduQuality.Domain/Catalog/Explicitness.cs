namespace EduQuality.Domain.Catalog;

/// <summary>How firmly the source documents support an entry, as the domain specification tags it; JSON: "E", "R", "D".</summary>
public enum Explicitness
{
    /// <summary>E: stated explicitly in a source document.</summary>
    Explicit,

    /// <summary>R: reconstructed where the source text is damaged.</summary>
    Reconstructed,

    /// <summary>D: derived; a design default not stated in any source.</summary>
    Derived,
}
