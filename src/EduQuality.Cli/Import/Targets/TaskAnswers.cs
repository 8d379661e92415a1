using System.Globalization;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// Task results written as one string, as РИС ГИА writes them: "+" a one-point task done, "-" not done,
/// "2(3)" two points of three. "++-+" is four one-point tasks; "1(2)0(3)" two tasks with their maxima.
/// </summary>
public static class TaskAnswers
{
    /// <summary>Points and maxima per task, or the problem with the string.</summary>
    public static (List<(int Points, int Max)> Tasks, string? Problem) Parse(string text)
    {
        var tasks = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '+' or '-')
            {
                tasks.Add((c == '+' ? 1 : 0, 1));
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var open = text.IndexOf('(', i);
                var close = open < 0 ? -1 : text.IndexOf(')', open);
                if (close < 0
                    || !int.TryParse(text.AsSpan(i, open - i), NumberStyles.None, CultureInfo.InvariantCulture, out var points)
                    || !int.TryParse(text.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max))
                {
                    return (tasks, $"задание {tasks.Count + 1}: ожидается «баллы(максимум)», например 2(3)");
                }

                tasks.Add((points, max));
                i = close + 1;
            }
            else
            {
                return (tasks, $"задание {tasks.Count + 1}: символ «{c}» не понят; допустимы «+», «-» и «баллы(максимум)»");
            }
        }

        return (tasks, null);
    }
}
