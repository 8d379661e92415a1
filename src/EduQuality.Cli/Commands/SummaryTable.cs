using System.Globalization;
using EduQuality.Api.V1;

namespace EduQuality.Cli.Commands;

/// <summary>Prints summaries as an aligned table with Russian column names.</summary>
internal static class SummaryTable
{
    public static void Print(IEnumerable<SliceSummary> rows, TextWriter output)
    {
        output.WriteLine($"{"Организация",-14} {"Класс",-6} {"Участники",10} {"«2»",6} {"«3»",6} {"«4»",6} {"«5»",6} {"Ср. балл",9} {"Медиана",8} {"Ниже мин.",10} {"Высокобалл.",12} {"Понизили",9} {"Подтв.",7} {"Повысили",9}");
        foreach (var row in rows)
        {
            var s = row.Summary;
            var marks = s.MarkCounts.Count == 4 ? s.MarkCounts : [0, 0, 0, 0];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.OrganizationCode,-14} {row.Slice.ClassLabel,-6} {s.Participants,10:N0} {marks[0],6} {marks[1],6} {marks[2],6} {marks[3],6} {s.MeanScore,9:F1} {s.Median,8} {s.ShareBelowMinimum,10:P1} {s.ShareHighScorers,12:P1} {s.TermLowered,9} {s.TermConfirmed,7} {s.TermRaised,9}"));
        }
    }
}
