namespace EduQuality.Domain.Validation;

/// <summary>
/// One problem found in input: the row (0-based, null for the whole request), the field path as named in
/// the public contract (for example <c>rows[12].mark</c>), the offending value and what is wrong with it.
/// </summary>
public sealed record Violation(int? Row, string Field, string Value, string Problem)
{
    public override string ToString() =>
        Row is { } row ? $"row {row}: {Field} = '{Value}': {Problem}" : $"{Field} = '{Value}': {Problem}";
}
