namespace EduQuality.WebConsole.Charts;

/// <summary>The drawing area of a chart inside its SVG view box: room on the left for the value axis, below for labels.</summary>
public sealed record ChartLayout(double Width, double Height, double Left = 64, double Top = 16, double Right = 16, double Bottom = 56)
{
    public double PlotWidth => Width - Left - Right;

    public double PlotHeight => Height - Top - Bottom;

    public double Baseline => Top + PlotHeight;

    /// <summary>SVG coordinate of a value on the vertical axis.</summary>
    public double Y(AxisScale scale, double value) => Baseline - scale.Position(value, PlotHeight);

    public static string Number(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
