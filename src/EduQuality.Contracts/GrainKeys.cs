using System.Globalization;

namespace EduQuality.Contracts;

/// <summary>Grain keys of per-year grains: "{year}/{organisation code}", so that state is partitioned by academic year.</summary>
public static class GrainKeys
{
    public static string ForYear(int year, string organizationCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}/{organizationCode}");

    public static (int Year, string OrganizationCode) ParseYearKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !int.TryParse(key.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw new ArgumentException($"'{key}' is not a year grain key of the form year/code.", nameof(key));
        }

        return (year, key[(slash + 1)..]);
    }
}
