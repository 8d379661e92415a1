using System.Globalization;

namespace EduQuality.Cli.Import;

/// <summary>What an import did: rows read, refused (with reasons), sent and how the server took them.</summary>
public sealed class ImportSummary
{
    /// <summary>Data rows in the file (blank rows not counted).</summary>
    public int RowsRead { get; set; }

    /// <summary>Every problem found, by file, line and column.</summary>
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Lines refused locally or by the server.</summary>
    public HashSet<int> RefusedLines { get; } = [];

    /// <summary>Rows sent in this run and acknowledged.</summary>
    public int RowsSent { get; set; }

    /// <summary>Batches sent in this run.</summary>
    public int BatchesSent { get; set; }

    /// <summary>Batches already acknowledged in an earlier run of the same file (from the journal), and their rows.</summary>
    public int BatchesResumed { get; set; }

    public int RowsResumed { get; set; }

    /// <summary>Rows the server stored as new in this run.</summary>
    public int Inserted { get; set; }

    /// <summary>Rows that changed an earlier value (corrections; for organisations, updates).</summary>
    public int Corrected { get; set; }

    /// <summary>Rows equal to what the server held.</summary>
    public int Unchanged { get; set; }

    /// <summary>Batches the server had applied before (resent after an interruption): nothing was done again.</summary>
    public int DuplicateBatches { get; set; }

    /// <summary>Whether the import stopped on refused rows: before sending anything, or when the server refused a batch.</summary>
    public bool Stopped { get; set; }

    /// <summary>Whether the import was cancelled; running it again resumes from the journal.</summary>
    public bool Interrupted { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>The closing report, in Russian; at most <paramref name="listed"/> problems are listed.</summary>
    public void Print(TextWriter output, int listed = 50)
    {
        if (Interrupted)
        {
            // The progress bar's line was left unfinished.
            output.WriteLine();
        }

        output.WriteLine(Text($"Строк в файле: {RowsRead:N0}; отклонено: {RefusedLines.Count:N0}"));
        foreach (var problem in Problems.Take(listed))
        {
            output.WriteLine("  " + problem);
        }

        if (Problems.Count > listed)
        {
            output.WriteLine(Text($"  … и ещё {Problems.Count - listed:N0} замечаний; по причинам:"));
            foreach (var reason in Problems.GroupBy(p => p.Problem).OrderByDescending(g => g.Count()).Take(10))
            {
                output.WriteLine(Text($"  {reason.Count(),8:N0} × {reason.Key}"));
            }
        }

        if (Stopped && BatchesSent == 0)
        {
            output.WriteLine("Ничего не отправлено: исправьте файл или повторите с --skip-invalid, чтобы отправить только верные строки.");
            return;
        }

        if (Interrupted)
        {
            output.WriteLine("Загрузка прервана: повторите ту же команду, и она продолжится с первого неподтверждённого пакета.");
        }

        output.WriteLine(Text($"Отправлено строк: {RowsSent:N0} в {BatchesSent:N0} пакетах за {Elapsed.TotalSeconds:N1} с"));
        output.WriteLine(Text($"  новых: {Inserted:N0}, исправлений: {Corrected:N0}, без изменений: {Unchanged:N0}, повторно присланных пакетов: {DuplicateBatches:N0}"));
        if (BatchesResumed > 0)
        {
            output.WriteLine(Text($"Загружено ранее (по журналу): {RowsResumed:N0} строк в {BatchesResumed:N0} пакетах"));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.GetCultureInfo("ru-RU"));
}
