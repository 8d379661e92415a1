namespace EduQuality.Domain.Catalog;

/// <summary>
/// What an indicator is computed from (формула расчета). Which parts are set depends on the kind: numerator and denominator (measures)
/// for shares and means, variables (measures) for correlations and residuals, components (indicator codes) for
/// composites, evidence types for presence checks, and <see cref="DynamicsOf"/> for counts of positive dynamics.
/// </summary>
public sealed record IndicatorFormula(
    string? Numerator,
    string? Denominator,
    IReadOnlyList<string> Variables,
    IReadOnlyList<string> Components,
    IReadOnlyList<string> Evidence,
    string? DynamicsOf);
