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
            if (school.Raised > raisedThreshold
                && SignStatistics.BinomialUpperTail(school.RaisedCount, school.Compared, region.Raised) is var pRaised
                && pRaised <= options.Significance)
            {
                yield return Sign(
                    ObjectivitySignKind.JournalRaised, schoolCode, unit, school, school.Raised, region.Raised, raisedThreshold,
                    pRaised, school.Raised / raisedThreshold, options,
                    $"доля повысивших {SignText.Percent(school.Raised)} при {SignText.Percent(region.Raised)} по региону (порог {SignText.Percent(raisedThreshold)})",
                    $"raised {SignText.Percent(school.Raised)} against {SignText.Percent(region.Raised)} in the region (threshold {SignText.Percent(raisedThreshold)})");
            }

            if (school.Confirmed < options.ConfirmedShareMin
                && school.RaisedCount >= school.LoweredCount
                && SignStatistics.BinomialUpperTail(school.Compared - school.ConfirmedCount, school.Compared, 1 - region.Confirmed) is var pConfirmed
                && pConfirmed <= options.Significance)
            {
                yield return Sign(
                    ObjectivitySignKind.JournalUnconfirmed, schoolCode, unit, school, school.Confirmed, region.Confirmed, options.ConfirmedShareMin,
                    pConfirmed, options.ConfirmedShareMin / Math.Max(school.Confirmed, 1e-9), options,
                    $"доля подтвердивших отметку по журналу {SignText.Percent(school.Confirmed)} при {SignText.Percent(region.Confirmed)} по региону "
                    + $"(порог {SignText.Percent(options.ConfirmedShareMin)}), повысили {SignText.Percent(school.Raised)}, понизили {SignText.Percent(school.Lowered)}",
                    $"confirmed the term mark {SignText.Percent(school.Confirmed)} against {SignText.Percent(region.Confirmed)} in the region "
                    + $"(threshold {SignText.Percent(options.ConfirmedShareMin)}), raised {SignText.Percent(school.Raised)}, lowered {SignText.Percent(school.Lowered)}");
            }

            if (school.Lowered > options.LoweredShareMax
                && SignStatistics.BinomialUpperTail(school.LoweredCount, school.Compared, region.Lowered) is var pLowered
                && pLowered <= options.Significance)
            {
                yield return Sign(
                    ObjectivitySignKind.JournalLowered, schoolCode, unit, school, school.Lowered, region.Lowered, options.LoweredShareMax,
                    pLowered, school.Lowered / options.LoweredShareMax, options,
                    $"доля понизивших {SignText.Percent(school.Lowered)} при {SignText.Percent(region.Lowered)} по региону (порог {SignText.Percent(options.LoweredShareMax)}): отметки в журнале завышены",
                    $"lowered {SignText.Percent(school.Lowered)} against {SignText.Percent(region.Lowered)} in the region (threshold {SignText.Percent(options.LoweredShareMax)}): journal marks inflated");
            }
        }
    }

    private static ObjectivitySign Sign(
        ObjectivitySignKind kind, string schoolCode, WorkUnit unit, Comparison school, double measured, double reference, double threshold,
        double pValue, double exceedance, ObjectivityOptions options, string ru, string en) =>
        new(
            kind, schoolCode, unit.Year, unit.Scope, school.Compared, measured, reference, threshold, MeasureUnit.Share, pValue,
            SignStatistics.Strength(exceedance, lowConfidence: false, options.LowConfidenceFactor), LowConfidence: false, ComparedWith: null,
            $"{SignText.ScopeRu(unit.Scope)}: {ru}; сравнено {SignText.CountRu(school.Compared, "работа", "работы", "работ")}.",
            $"{SignText.ScopeEn(unit.Scope)}: {en}; {school.Compared} works compared.");

    /// <summary>The three shares of the journal comparison among participants with both marks.</summary>
    private readonly record struct Comparison(long Compared, long LoweredCount, long ConfirmedCount, long RaisedCount)
    {
        public double Lowered => Compared == 0 ? 0 : (double)LoweredCount / Compared;

        public double Confirmed => Compared == 0 ? 0 : (double)ConfirmedCount / Compared;

        public double Raised => Compared == 0 ? 0 : (double)RaisedCount / Compared;

        public static Comparison Of(Summaries.ResultSummary summary)
        {
            var compared = summary.TermLowered + summary.TermConfirmed + summary.TermRaised;
            return new Comparison(compared, summary.TermLowered, summary.TermConfirmed, summary.TermRaised);
        }
    }
}
