using System.Globalization;

namespace EduQuality.Cli.Import;

/// <summary>
/// Draws import progress: a bar redrawn in place on a terminal, or a plain line every few seconds when the output
/// is redirected to a file or a pipe.
/// </summary>
public sealed class ProgressBar(TextWriter output, bool interactive) : IProgress<ImportProgress>
{
    private const int Width = 30;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private TimeSpan? _lastPlain;

    public void Report(ImportProgress value)
    {
        lock (_gate)
        {
            var done = value.RowsDone >= value.RowsTotal;
            if (interactive)
            {
                var filled = value.RowsTotal == 0 ? Width : (int)((long)Width * value.RowsDone / value.RowsTotal);
                output.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {Line(value)}   ");
                if (done)
                {
                    output.WriteLine();
                }
            }
            else if (done || _lastPlain is not { } last || value.Elapsed - last >= PlainInterval)
            {
                _lastPlain = value.Elapsed;
                output.WriteLine(Line(value));
            }
        }
    }

    private static string Line(ImportProgress p)
    {
        var percent = p.RowsTotal == 0 ? 100 : 100.0 * p.RowsDone / p.RowsTotal;
        var eta = p.Remaining is { } remaining ? remaining.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
        return string.Format(CultureInfo.GetCultureInfo("ru-RU"), "{0,5:F1} %  {1:N0} из {2:N0} строк  {3:N0} строк/с  осталось {4}",
            percent, p.RowsDone, p.RowsTotal, p.RowsPerSecond, eta);
    }
}
