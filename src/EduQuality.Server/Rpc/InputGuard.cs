using EduQuality.Domain.Validation;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EduQuality.Server.Rpc;

/// <summary>
/// Checks every string of any request message, however deep: no NUL character (PostgreSQL text cannot hold one)
/// and at most <see cref="MaxTextLength"/> characters. One place for every method, so that random values are
/// refused as input instead of failing in storage.
/// </summary>
public static class InputGuard
{
    public const int MaxTextLength = 4000;

    public static void Check(IMessage message)
    {
        var violations = new List<Violation>();
        Walk(message, "", violations);
        if (violations.Count > 0)
        {
            throw new InvalidInputException($"{violations.Count} text fields are not acceptable; nothing was applied", violations);
        }
    }

    private static void Walk(IMessage message, string path, List<Violation> violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated && value is System.Collections.IEnumerable items and not string)
            {
                var i = 0;
                foreach (var item in items)
                {
                    CheckValue(field, item, $"{name}[{i++}]", violations);
                }
            }
            else if (!field.IsMap)
            {
                CheckValue(field, value, name, violations);
            }
        }
    }

    private static void CheckValue(FieldDescriptor field, object? value, string name, List<Violation> violations)
    {
        switch (value)
        {
            case string text when text.Contains('\0', StringComparison.Ordinal):
                violations.Add(new Violation(null, name, text.Replace("\0", "\\0", StringComparison.Ordinal), "text may not contain a NUL character"));
                break;
            case string text when text.Length > MaxTextLength:
                violations.Add(new Violation(null, name, text[..50] + "…", $"text is longer than {MaxTextLength} characters"));
                break;
            case IMessage nested when field.FieldType == FieldType.Message:
                Walk(nested, name, violations);
                break;
        }
    }
}
