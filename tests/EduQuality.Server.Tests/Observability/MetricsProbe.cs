using System.Globalization;

namespace EduQuality.Server.Tests.Observability;

/// <summary>Reads a Prometheus text exposition: the value of a sample by its name and the labels it must carry.</summary>
public static class MetricsProbe
{
    public static async Task<string> ScrapeAsync(Uri httpAddress)
    {
        using var http = new HttpClient { BaseAddress = httpAddress };
        return await http.GetStringAsync("/metrics");
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include every one given (0 when none).</summary>
    public static double Value(string exposition, string name, params string[] labels) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
}
