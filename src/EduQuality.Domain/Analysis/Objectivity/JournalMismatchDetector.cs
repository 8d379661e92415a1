using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// ВПР marks against term marks (сравнение отметок с отметками по журналу), per work of the school and per class: too many
/// «повысили» (the work's mark above the journal, the sign of an inflated work), too few «подтвердили» while the
/// disagreements lean towards the work, or too many «понизили» (the journal inflated, reported in its own family). Each
/// share must cross its threshold and differ from the region's share of the same work at
/// <see cref="ObjectivityOptions.Significance"/> (exact binomial test).
/// </summary>
public sealed class JournalMismatchDetector : IObjectivityDetector
{
    public IEnumerable<ObjectivitySign> Detect(ObjectivityContext context, string schoolCode, int year)
    {
        var options = context.Options;
        foreach (var unit in context.SchoolUnits(schoolCode, year).Concat(context.ClassUnits(schoolCode, year)))
        {
            var school = Comparison.Of(unit.Summary);
            var region = Comparison.Of(unit.Region);
            if (school.Compared < options.MinimumParticipants || region.Compared == 0)
            {
                continue;
            }

            var raisedThreshold = Math.Min(options.RaisedShareMax, options.RaisedRegionalMultiple * region.Raised);
            var pRaised = SignStatistics.BinomialUpperTail(school.RaisedCount, school.Compared, region.Raised);
            if (school.Raised > raisedThreshold && pRaised <= options.Significance)
            {
                yield return Sign(
                    ObjectivitySignKind.JournalRaised, schoolCode, unit, school, school.Raised, region.Raised, raisedThreshold, pRaised,
                    school.Raised / raisedThreshold, options,
                    $"доля повысивших {Ru(school.Raised, region.Raised, raisedThreshold)}",
                    $"raised {En(school.Raised, region.Raised, raisedThreshold)}");
            }

            var notConfirmed = school.Compared - school.ConfirmedCount;
            var pConfirmed = SignStatistics.BinomialUpperTail(notConfirmed, school.Compared, 1 - region.Confirmed);
            if (school.Confirmed < options.ConfirmedShareMin && school.RaisedCount >= school.LoweredCount && pConfirmed <= options.Significance)
            {
                yield return Sign(
                    ObjectivitySignKind.JournalUnconfirmed, schoolCode, unit, school, school.Confirmed, region.Confirmed, options.ConfirmedShareMin,
                    pConfirmed, options.ConfirmedShareMin / Math.Max(school.Confirmed, 1e-9), options,
                    $"доля подтвердивших отметку по журналу {Ru(school.Confirmed, region.Confirmed, options.ConfirmedShareMin)}, "
                    + $"повысили {SignText.Percent(school.Raised)}, понизили {SignText.Percent(school.Lowered)}",
                    $"confirmed the term mark {En(school.Confirmed, region.Confirmed, options.ConfirmedShareMin)}, "
                    + $"raised {SignText.Percent(school.Raised)}, lowered {SignText.Percent(school.Lowered)}");
            }

            var pLowered = SignStatistics.BinomialUpperTail(school.LoweredCount, school.Compared, region.Lowered);
            if (school.Lowered > options.LoweredShareMax && pLowered <= options.Significance)
            {
                yield return Sign(
                    ObjectivitySignKind.JournalLowered, schoolCode, unit, school, school.Lowered, region.Lowered, options.LoweredShareMax, pLowered,
                    school.Lowered / options.LoweredShareMax, options,
                    $"доля понизивших {Ru(school.Lowered, region.Lowered, options.LoweredShareMax)}: "
                    + "отметки в журнале завышены",
                    $"lowered {En(school.Lowered, region.Lowered, options.LoweredShareMax)}: "
                    + "journal marks inflated");
            }
        }
    }

    /// <summary>"41% при 6% по региону (порог 15%)".</summary>
    private static string Ru(double share, double region, double threshold) =>
        $"{SignText.Percent(share)} при {SignText.Percent(region)} по региону (порог {SignText.Percent(threshold)})";

    /// <summary>"41% against 6% in the region (threshold 15%)".</summary>
    private static string En(double share, double region, double threshold) =>
        $"{SignText.Percent(share)} against {SignText.Percent(region)} in the region (threshold {SignText.Percent(threshold)})";

    private static ObjectivitySign Sign(
        ObjectivitySignKind kind, string schoolCode, WorkUnit unit, Comparison school, double measured, double reference, double threshold, double pValue,
        double exceedance, ObjectivityOptions options, string ru, string en) =>
        new(
            kind, schoolCode, unit.Year, unit.Scope, school.Compared, measured, reference, threshold, MeasureUnit.Share, pValue,
            SignStatistics.Strength(exceedance, lowConfidence: false, options.LowConfidenceFactor), LowConfidence: false, ComparedWith: null,
            $"{SignText.ScopeRu(unit.Scope)}: {ru}; сравнено {SignText.CountRu(school.Compared, "работа", "работы", "работ")}.",
            $"{SignText.ScopeEn(unit.Scope)}: {en}; {school.Compared} works compared.");

    /// <summary>The journal comparison among participants with both marks.</summary>
    private readonly record struct Comparison(long Compared, long LoweredCount, long ConfirmedCount, long RaisedCount)
    {
        public double Lowered => Compared == 0 ? 0 : (double)LoweredCount / Compared;

        public double Confirmed => Compared == 0 ? 0 : (double)ConfirmedCount / Compared;

        public double Raised => Compared == 0 ? 0 : (double)RaisedCount / Compared;

        public static Comparison Of(ResultSummary summary) =>
            new(summary.TermLowered + summary.TermConfirmed + summary.TermRaised, summary.TermLowered, summary.TermConfirmed, summary.TermRaised);
    }
}
