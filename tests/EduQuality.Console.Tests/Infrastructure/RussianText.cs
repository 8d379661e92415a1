namespace EduQuality.WebConsole.Tests.Infrastructure;

/// <summary>Russian number formats separate with no-break spaces; tests compare with plain ones.</summary>
public static class RussianText
{
    public static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');
}
