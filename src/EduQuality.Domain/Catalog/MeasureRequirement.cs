namespace EduQuality.Domain.Catalog;

/// <summary>What else an indicator must state when it uses a measure.</summary>
public enum MeasureRequirement
{
    None,

    /// <summary>The measure counts organisations holding evidence: the indicator lists the evidence types.</summary>
    Evidence,

    /// <summary>The measure counts positive dynamics: the indicator names whose dynamics (dynamicsOf).</summary>
    DynamicsOf,
}
