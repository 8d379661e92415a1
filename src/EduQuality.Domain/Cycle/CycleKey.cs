using System.Globalization;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// One cycle instance: an organisation, a direction and a period (the academic year the period ends in, like
/// <see cref="Hierarchy.AcademicYear"/>).
/// </summary>
public readonly record struct CycleKey(string OrganizationCode, string Direction, int Period)
{
    /// <summary>The same organisation and direction in the next period (a method, so that JSON does not follow it).</summary>
    public CycleKey NextPeriod() => this with { Period = Period + 1 };

    /// <summary>"{period}/{direction}/{organisation}", the grain key.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Period}/{Direction}/{OrganizationCode}");

    public static CycleKey Parse(string key)
    {
        var parts = key.Split('/', 3);
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var period))
        {
            throw new ArgumentException($"'{key}' is not a cycle key of the form period/direction/organisation.", nameof(key));
        }

        return new CycleKey(parts[2], parts[1], period);
    }
}
