namespace EduQuality.WebConsole.Charts;

/// <summary>
/// A value axis from zero (or a round minimum below zero, for negative values) to a round maximum with round ticks
/// (steps of 1, 2 or 5 × 10ⁿ, so whole counts get whole ticks), about five of them.
/// </summary>
public sealed record AxisScale(double Max, double Step, double Min = 0)
{
    private const int TargetTicks = 5;

    public static AxisScale For(double largest, double? fixedMax = null, double smallest = 0)
    {
        var top = fixedMax ?? (largest > 0 ? largest : 1);
        var bottom = Math.Min(0, smallest);
        var rough = (top - bottom) / TargetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        return new AxisScale(fixedMax ?? (Math.Ceiling(top / step) * step), step, Math.Floor(bottom / step) * step);
    }

    public IEnumerable<double> Ticks()
    {
        for (var i = 0; Min + (i * Step) <= Max + (Step / 1000); i++)
        {
            yield return Min + (i * Step);
        }
    }

    /// <summary>Position of <paramref name="value"/> on an axis <paramref name="length"/> long, 0 at the minimum.</summary>
    public double Position(double value, double length) => Max <= Min ? 0 : Math.Clamp((value - Min) / (Max - Min), 0, 1) * length;
}
