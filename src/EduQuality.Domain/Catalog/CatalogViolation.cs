namespace EduQuality.Domain.Catalog;

/// <summary>
/// One problem (ошибка) in the indicator catalogue: the file, the entry (an indicator or direction code, or the position of an
/// entry without one), the field as spelt in the JSON, the offending value and what is wrong with it.
/// </summary>
public sealed record CatalogViolation(string File, string Entry, string Field, string Value, string Problem)
{
    public override string ToString() => $"{File}: {Entry}: {Field} = '{Value}': {Problem}";
}
