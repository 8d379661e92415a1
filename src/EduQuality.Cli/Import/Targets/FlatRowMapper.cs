using System.Globalization;
using EduQuality.Cli.Import.Tables;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// Builds a flat contract message (scalar fields only: the context rows) from a file row by the message's descriptor:
/// every field the layout maps is converted by its type, so a field added to the contract needs one layout line and no
/// code (docs/adr/0028-context-imports-map-by-descriptor.md).
/// </summary>
public static class FlatRowMapper
{
    /// <summary>The fields of <paramref name="descriptor"/> a layout may map: strings, whole and decimal numbers, flags, enums.</summary>
    public static IReadOnlySet<string> Fields(MessageDescriptor descriptor) =>
        descriptor.Fields.InFieldNumberOrder()
            .Where(f => !f.IsRepeated && f.FieldType is FieldType.String or FieldType.Int32 or FieldType.Double or FieldType.Bool or FieldType.Enum)
            .Select(f => f.Name)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The message of one row. An empty or unmapped cell leaves the field at its default (0, false, empty); a cell that
    /// does not convert is reported by field, raw value and problem.
    /// </summary>
    public static TItem Map<TItem>(SourceRow row, LayoutBinding binding, Action<string, string, string> problem) where TItem : IMessage<TItem>, new()
    {
        var item = new TItem();
        foreach (var field in item.Descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated))
        {
            if (binding.Value(row, field.Name) is not { Length: > 0 } value)
            {
                continue;
            }

            var (converted, expected) = Convert(field, value, binding.Column(field.Name)?.Percent == true);
            if (converted is null)
            {
                problem(field.Name, binding.RawValue(row, field.Name), expected);
            }
            else
            {
                field.Accessor.SetValue(item, converted);
            }
        }

        return item;
    }

    private static (object? Value, string Expected) Convert(FieldDescriptor field, string value, bool percent) => field.FieldType switch
    {
        FieldType.String => (value, ""),
        FieldType.Int32 => (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null,
            "ожидается целое число"),
        FieldType.Double => (Decimal(value) is { } share ? (percent ? share / 100 : share) : null,
            percent ? "ожидается число процентов, например 3,5" : "ожидается десятичное число, например 0,035"),
        FieldType.Bool => (Flag(value), "ожидается «Да» или «Нет»"),
        FieldType.Enum => (field.EnumType.Values.FirstOrDefault(v => v.Number != 0
                && (string.Equals(v.Name, value, StringComparison.OrdinalIgnoreCase) || v.Name.EndsWith("_" + value, StringComparison.OrdinalIgnoreCase)))?.Number,
            "значение не распознано"),
        _ => (null, "поле этого типа не загружается из файла"),
    };

    /// <summary>A decimal number with a comma or a point, as Russian spreadsheets write either.</summary>
    private static double? Decimal(string value) =>
        double.TryParse(value.Replace(",", ".", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var number) ? number : null;

    private static bool? Flag(string value) => value.ToUpperInvariant() switch
    {
        "ДА" or "1" or "+" or "TRUE" or "ЕСТЬ" => true,
        "НЕТ" or "0" or "-" or "FALSE" => false,
        _ => null,
    };
}
