namespace EduQuality.WebConsole.Charts;

/// <summary>
/// Series colours with at least 4.5:1 contrast on white (WCAG AA for text, so also for the 3:1 graphics rule), told
/// apart by hue and lightness.
/// </summary>
public static class ChartPalette
{
    private static readonly string[] Colours = ["#1d4f91", "#b34700", "#2e6b30", "#6a3d9a", "#8a2846", "#3f4a57"];

    public static string Of(int series) => Colours[series % Colours.Length];
}
