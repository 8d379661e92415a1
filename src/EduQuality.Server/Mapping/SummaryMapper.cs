using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Server.Mapping;

/// <summary>Maps domain summaries to the contract, computing shares and percentiles from the pooled counts.</summary>
public static class SummaryMapper
{
    public static SliceSummary ToContract(string organizationCode, int year, SliceKey slice, ResultSummary? summary, long version) => new()
    {
        OrganizationCode = organizationCode,
        Slice = ToContract(year, slice),
        Summary = ToContract(summary ?? new ResultSummary(), ScoreScales.For(slice.Procedure, slice.Subject)),
        Version = version,
    };

    public static Slice ToContract(int year, SliceKey slice) => new()
    {
        Year = year,
        Procedure = (Procedure)slice.Procedure,
        Subject = slice.Subject,
        Grade = slice.Grade,
        ClassLabel = slice.ClassLabel,
    };

    public static SliceKey ToDomain(Slice slice) =>
        new((ProcedureKind)slice.Procedure, slice.Subject, slice.Grade, slice.ClassLabel);

    public static Summary ToContract(ResultSummary s, ScoreScale scale)
    {
        var summary = new Summary
        {
            Participants = s.Participants,
            MarkCounts = { s.MarkCounts },
            ShareMark2 = s.ShareMark2,
            MeanMark = s.MeanMark,
            ScoreScale = ScoreScales.Name(scale),
            MeanScore = s.MeanScore,
            ScoreSd = s.ScoreStandardDeviation,
            P10 = s.Histogram.Percentile(0.10),
            P25 = s.Histogram.Percentile(0.25),
            Median = s.Histogram.Percentile(0.50),
            P75 = s.Histogram.Percentile(0.75),
            P90 = s.Histogram.Percentile(0.90),
            BelowMinimum = s.BelowMinimum,
            ShareBelowMinimum = s.ShareBelowMinimum,
            HighScorers = s.HighScorers,
            ShareHighScorers = s.ShareHighScorers,
            TermLowered = s.TermLowered,
            TermConfirmed = s.TermConfirmed,
            TermRaised = s.TermRaised,
        };
        for (var i = 0; i < s.Tasks.Count; i++)
        {
            var task = s.Tasks[i];
            summary.Tasks.Add(new TaskSuccess
            {
                Task = i + 1,
                Participants = task.Participants,
                Points = task.Points,
                MaxPoints = task.MaxPoints,
                Success = task.Success,
            });
        }

        foreach (var (score, count) in s.Histogram.Entries)
        {
            summary.Histogram[score] = count;
        }

        return summary;
    }
}
