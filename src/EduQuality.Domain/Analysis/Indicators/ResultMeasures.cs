using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Indicators;

/// <summary>
/// The measures of the catalogue's vocabulary that are sums of result summaries, restricted to the indicator's subjects
/// and grades, the list and organisation counts, and the measures counted from context data. Every other measure is not
/// known.
/// </summary>
public static class ResultMeasures
{
    /// <summary>The measure's value for the organisation, or null when it is not known (no such data).</summary>
    public static double? Value(string measure, IndicatorDefinition definition, OrganizationMeasures data)
    {
        if (data.Counts.TryGetValue(measure, out var counted))
        {
            return counted;
        }

        switch (measure)
        {
            case "schools.count": return data.Schools;
            case "municipalities.count": return data.Municipalities;
            case "schools.shnor.count": return data.Shnor;
            case "schools.shnsu.count": return data.Shnsu;
        }

        if (data.Summaries is null || Procedures(measure, definition) is not { Count: > 0 } procedures)
        {
            return null;
        }

        var slices = data.Summaries.Entries
            .Where(e => procedures.Contains(e.Slice.Procedure)
                && (definition.Subjects.Count == 0 || definition.Subjects.Contains(e.Slice.Subject, StringComparer.Ordinal))
                && (definition.Grades.Count == 0 || definition.Grades.Contains(e.Slice.Grade)))
            .Select(e => e.Summary)
            .ToList();
        return Sum(measure, slices);
    }

    private static double? Sum(string measure, List<ResultSummary> s) => measure switch
    {
        "vpr.participants.count" or "gia.participants.count" or "regional.participants.count" or "ege.graduates.count" => s.Sum(x => x.Participants),
        "vpr.marked.count" => s.Sum(x => x.MarkedParticipants),
        "vpr.mark2.count" => s.Sum(x => x.MarkCounts[0]),
        "vpr.mark4or5.count" => s.Sum(x => x.MarkCounts[2] + x.MarkCounts[3]),
        "vpr.mark.sum" => s.Sum(x => (2 * x.MarkCounts[0]) + (3 * x.MarkCounts[1]) + (4 * x.MarkCounts[2]) + (5 * x.MarkCounts[3])),
        "vpr.termCompared.count" => s.Sum(x => x.TermLowered + x.TermConfirmed + x.TermRaised),
        "vpr.termConfirmed.count" => s.Sum(x => x.TermConfirmed),
        "vpr.termRaised.count" => s.Sum(x => x.TermRaised),
        "ege.highScorers.count" => s.Sum(x => x.HighScorers),
        "gia.score.sum" or "regional.score.sum" => s.Sum(x => x.ScoreSum),
        "gia.minimumKnown.count" => s.Sum(x => x.MinimumKnown),
        "gia.belowMinimum.count" => s.Sum(x => x.BelowMinimum),
        _ => null,
    };

    /// <summary>The procedures whose summaries a result measure sums: its family, narrowed to the indicator's procedures.</summary>
    private static List<ProcedureKind>? Procedures(string measure, IndicatorDefinition definition)
    {
        ProcedureKind[] family = measure.Split('.')[0] switch
        {
            "vpr" => [ProcedureKind.Vpr],
            "ege" => [ProcedureKind.Ege],
            "gia" => [ProcedureKind.Oge, ProcedureKind.Ege],
            "regional" => [ProcedureKind.RegionalDiagnostic],
            _ => [],
        };
        return family.Where(p => definition.Procedures.Count == 0 || definition.Procedures.Contains(p.ToString(), StringComparer.Ordinal)).ToList();
    }
}
