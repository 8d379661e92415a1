using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// A rise of a school's results from one year to the next beyond the region's rise over the same step (резкий рост
/// результатов), shared by the year-over-year and the cohort signs. Two mark shares are compared, because marks stay
/// comparable when a work's format and scale change while raw primary scores do not: the share of «4» and «5» (up) and the
/// share of «2» (down). The larger excess over the region's change is the measure; it must exceed
/// <see cref="ObjectivityOptions.JumpPercentagePoints"/> and be significant at <see cref="ObjectivityOptions.Significance"/>
/// (the two years treated as independent groups).
/// </summary>
public static class ResultJump
{
    /// <summary>
    /// Compares a school unit with the school's results a year earlier in the same subject, <paramref name="gradeShift"/>
    /// grades lower (0: the same grade, a different cohort; 1: the same cohort a grade earlier). Only grades present in
    /// both years are compared. Null when there is nothing to compare or no sign.
    /// </summary>
    public static ObjectivitySign? Evaluate(
        ObjectivityContext context, string schoolCode, WorkUnit unit, int gradeShift, ObjectivitySignKind kind)
    {
        var options = context.Options;
        var previousYear = unit.Year - 1;
        var earlierScope = unit.Scope with { Grades = unit.Scope.Grades.Select(g => g - gradeShift).ToList() };
        var earlier = context.WholeSchoolUnit(schoolCode, earlierScope, previousYear);
        if (earlier is null)
        {
            return null;
        }

        var aligned = unit.Parts.Select(p => p.Grade).Intersect(earlier.Parts.Select(p => p.Grade + gradeShift)).Order().ToList();
        if (aligned.Count == 0)
        {
            return null;
        }

        var current = context.WholeSchoolUnit(schoolCode, unit.Scope with { Grades = aligned }, unit.Year)!;
        earlier = context.WholeSchoolUnit(schoolCode, earlierScope with { Grades = aligned.Select(g => g - gradeShift).ToList() }, previousYear)!;
        var before = MarkShares.Of(earlier.Summary);
        var after = MarkShares.Of(current.Summary);
        if (before.Marked < options.MinimumParticipants || after.Marked < options.MinimumParticipants)
        {
            return null;
        }

        var regionBefore = MarkShares.Of(earlier.Region);
        var regionAfter = MarkShares.Of(current.Region);
        var quality = Candidate.Rise(before.Quality, after.Quality, regionAfter.Quality - regionBefore.Quality, before.Marked, after.Marked);
        var fails = Candidate.Rise(1 - before.Fail, 1 - after.Fail, regionBefore.Fail - regionAfter.Fail, before.Marked, after.Marked);
        var best = quality.Excess >= fails.Excess ? quality : fails;
        var thresholdShare = options.JumpPercentagePoints / 100;
        if (best.Excess <= thresholdShare || best.PValue > options.Significance)
        {
            return null;
        }

        var isQuality = ReferenceEquals(best, quality);
        var (fromShare, toShare) = isQuality ? (before.Quality, after.Quality) : (before.Fail, after.Fail);
        var schoolChange = (toShare - fromShare) * 100;
        var regionChange = (isQuality ? regionAfter.Quality - regionBefore.Quality : regionAfter.Fail - regionBefore.Fail) * 100;
        var whatRu = isQuality ? "доля «4» и «5»" : "доля «2»";
        var whatEn = isQuality ? "the share of «4» and «5»" : "the share of «2»";
        var stepRu = gradeShift == 0
            ? $"по сравнению с {previousYear} годом"
            : $"та же когорта: {string.Join(", ", earlier.Scope.Grades)} класс в {previousYear} году";
        var stepEn = gradeShift == 0
            ? $"against {previousYear}"
            : $"the same cohort: grade {string.Join(", ", earlier.Scope.Grades)} in {previousYear}";
        return new ObjectivitySign(
            kind, schoolCode, unit.Year, current.Scope, after.Marked, schoolChange, regionChange, options.JumpPercentagePoints,
            MeasureUnit.PercentagePoints, best.PValue,
            SignStatistics.Strength(best.Excess / thresholdShare, lowConfidence: false, options.LowConfidenceFactor), LowConfidence: false,
            new ComparedResults(earlier.Scope, previousYear),
            $"{SignText.ScopeRu(current.Scope)}, {stepRu}: {whatRu} {Moved(schoolChange, "выросла", "снизилась")} с {SignText.Percent(fromShare)} "
            + $"до {SignText.Percent(toShare)} ({Signed(schoolChange)} п.п.) при {Signed(regionChange)} п.п. по региону "
            + $"(порог: на {SignText.Points(options.JumpPercentagePoints)} п.п. лучше изменения по региону).",
            $"{SignText.ScopeEn(current.Scope)}, {stepEn}: {whatEn} {Moved(schoolChange, "rose", "fell")} from {SignText.Percent(fromShare)} "
            + $"to {SignText.Percent(toShare)} ({Signed(schoolChange)} p.p.) against {Signed(regionChange)} p.p. in the region "
            + $"(threshold: {SignText.Points(options.JumpPercentagePoints)} p.p. better than the region's change).");
    }

    private static string Moved(double change, string up, string down) => change >= 0 ? up : down;

    private static string Signed(double percentagePoints) =>
        (percentagePoints >= 0 ? "+" : "−") + SignText.Points(Math.Abs(percentagePoints));

    /// <summary>A «better» share before and after (higher is better), its excess over the region's change and its p-value.</summary>
    private sealed record Candidate(double Excess, double PValue)
    {
        public static Candidate Rise(double before, double after, double regionChange, long beforeCount, long afterCount) =>
            new(after - before - regionChange, SignStatistics.ChangeAbove(before, beforeCount, after, afterCount, regionChange));
    }

    /// <summary>Shares of «4»+«5» and of «2» among participants with a mark.</summary>
    private readonly record struct MarkShares(long Marked, double Quality, double Fail)
    {
        public static MarkShares Of(ResultSummary summary)
        {
            var marked = summary.MarkedParticipants;
            return marked == 0
                ? new MarkShares(0, 0, 0)
                : new MarkShares(marked, (double)(summary.MarkCounts[2] + summary.MarkCounts[3]) / marked, (double)summary.MarkCounts[0] / marked);
        }
    }
}
