namespace EduQuality.WebConsole.Charts;

/// <summary>One named series of a chart, one value per category (NaN where there is none).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
