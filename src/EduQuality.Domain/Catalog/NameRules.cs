namespace EduQuality.Domain.Catalog;

/// <summary>Checks the Russian names, the ones officials see.</summary>
internal static class NameRules
{
    /// <summary>A Russian name is required and must contain Cyrillic letters (guards against English pasted in).</summary>
    public static void Russian(ViolationCollector report, string field, string? value)
    {
        if (!report.Required(field, value))
        {
            return;
        }

        if (!value!.Any(IsCyrillic))
        {
            report.Add(field, value, "the Russian name has no Cyrillic letters");
        }
    }

    private static bool IsCyrillic(char c) => c is >= 'А' and <= 'я' or 'Ё' or 'ё';
}
