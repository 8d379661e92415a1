namespace EduQuality.Domain.Catalog;

/// <summary>How a value is compared with its target (целевое значение); JSON: ">=", "<=", "=", "yes".</summary>
public enum TargetComparator
{
    AtLeast,
    AtMost,
    Equal,

    /// <summary>«Да»: the condition must hold; only for yes/no indicators.</summary>
    Yes,
}
