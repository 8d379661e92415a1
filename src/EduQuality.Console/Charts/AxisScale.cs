namespace EduQuality.WebConsole.Charts;

/// <summary>
/// A value axis from zero to a round maximum with round ticks (steps of 1, 2 or 5 × 10ⁿ, so whole counts get whole
/// ticks), about five of them.
/// </summary>
public sealed record AxisScale(double Max, double Step)
{
    private const int TargetTicks = 5;

    public static AxisScale For(double largest, double? fixedMax = null)
    {
        var top = fixedMax ?? (largest > 0 ? largest : 1);
        var rough = top / TargetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        return new AxisScale(fixedMax ?? (Math.Ceiling(top / step) * step), step);
    }

    public IEnumerable<double> Ticks()
    {
        for (var i = 0; i * Step <= Max + (Step / 1000); i++)
        {
            yield return i * Step;
        }
    }

    /// <summary>Position of <paramref name="value"/> on an axis <paramref name="length"/> long, 0 at the origin.</summary>
    public double Position(double value, double length) => Max <= 0 ? 0 : Math.Clamp(value / Max, 0, 1) * length;
}
