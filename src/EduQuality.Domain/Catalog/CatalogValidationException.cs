namespace EduQuality.Domain.Catalog;

/// <summary>Thrown when the indicator catalogue does not validate; the message lists every problem, one per line.</summary>
public sealed class CatalogValidationException : Exception
{
    public CatalogValidationException(IReadOnlyList<CatalogViolation> violations)
        : base(Describe(violations))
    {
        Violations = violations;
    }

    public IReadOnlyList<CatalogViolation> Violations { get; }

    private static string Describe(IReadOnlyList<CatalogViolation> violations) =>
        $"The indicator catalogue does not validate ({violations.Count} problem(s)):"
        + string.Concat(violations.Select(v => $"{Environment.NewLine}  - {v}"));
}
