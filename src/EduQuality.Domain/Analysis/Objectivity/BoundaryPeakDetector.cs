using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// Peaks of the primary-score histogram at the mark boundaries (пики распределения первичных баллов на границах отметок),
/// the marker the ФИОКО guidance names: help during a work or lenient marking lifts scores just short of a cut point onto
/// it. For each checked mark, the peak is the participants at the cut point and one above it, the neighbours are the
/// two scores on each side (cut − 2, cut − 1, cut + 2, cut + 3); ratio = (peak ÷ 2) ÷ (neighbours ÷ 4). Pooled small
/// works add their windows, each aligned on its own cut point. The peak's share of the window must also exceed the
/// region's share for the same windows at <see cref="ObjectivityOptions.Significance"/> (exact binomial test), so a
/// histogram that is simply curved there, or a window of a handful of participants, is not a sign.
/// </summary>
public sealed class BoundaryPeakDetector : IObjectivityDetector
{
    public IEnumerable<ObjectivitySign> Detect(ObjectivityContext context, string schoolCode, int year)
    {
        var options = context.Options;
        foreach (var unit in context.SchoolUnits(schoolCode, year).Concat(context.ClassUnits(schoolCode, year)))
        {
            var participants = unit.Summary.Participants;
            if (participants < options.MinimumParticipants)
            {
                continue;
            }

            foreach (var mark in options.BoundaryMarks.Distinct().Order())
            {
                if (Evaluate(context, schoolCode, unit, mark) is { } sign)
                {
                    yield return sign;
                }
            }
        }
    }

    private static ObjectivitySign? Evaluate(ObjectivityContext context, string schoolCode, WorkUnit unit, int mark)
    {
        var options = context.Options;
        var school = new Window();
        var region = new Window();
        var cuts = new List<int>();
        foreach (var part in unit.Parts)
        {
            if (context.Scale(unit.Scope.Procedure, unit.Scope.Subject, part.Grade, unit.Year) is not { } scale)
            {
                continue;
            }

            var cut = CutFor(scale, mark);
            if (cut - 2 < 0 || cut + 3 > scale.MaxPrimaryScore)
            {
                continue;
            }

            cuts.Add(cut);
            school = school.Add(part.Summary.Histogram, cut);
            region = region.Add(part.Region.Histogram, cut);
        }

        if (school.Total == 0)
        {
            return null;
        }

        var ratio = school.Ratio;
        var expectedShare = region.Total > 0 ? (double)region.Peak / region.Total : 1.0 / 3;
        var pValue = SignStatistics.BinomialUpperTail(school.Peak, school.Total, expectedShare);
        if (ratio < options.BoundaryPeakRatio || pValue > options.Significance)
        {
            return null;
        }

        var lowConfidence = unit.Summary.Participants < options.MinimumHistogramParticipants;
        var atRu = cuts.Count == 1 ? $" ({SignText.CountRu(cuts[0], "балл", "балла", "баллов")})" : "";
        var atEn = cuts.Count == 1 ? $" (score {cuts[0]})" : "";
        var caveatRu = lowConfidence ? $"; выборка меньше {options.MinimumHistogramParticipants}, низкая надёжность" : "";
        var caveatEn = lowConfidence ? $"; fewer than {options.MinimumHistogramParticipants} participants, low confidence" : "";
        var peakRu = SignText.CountRu(school.Peak, "участник", "участника", "участников");
        return new ObjectivitySign(
            ObjectivitySignKind.BoundaryPeak, schoolCode, unit.Year, unit.Scope, unit.Summary.Participants, ratio, region.Ratio,
            options.BoundaryPeakRatio, MeasureUnit.Ratio, pValue,
            SignStatistics.Strength(ratio / options.BoundaryPeakRatio, lowConfidence, options.LowConfidenceFactor), lowConfidence, null,
            $"{SignText.ScopeRu(unit.Scope)}: пик у границы отметки «{mark}»{atRu}: {peakRu} на границе и следующем балле против "
            + $"{school.Neighbours} на четырёх соседних, отношение {SignText.NumberRu(ratio)} при {SignText.NumberRu(region.Ratio)} "
            + $"по региону (порог {SignText.NumberRu(options.BoundaryPeakRatio)}){caveatRu}.",
            $"{SignText.ScopeEn(unit.Scope)}: peak at the «{mark}» cut point{atEn}: {school.Peak} participants at the cut and one above "
            + $"against {school.Neighbours} on the four neighbouring scores, ratio {SignText.NumberEn(ratio)} against "
            + $"{SignText.NumberEn(region.Ratio)} in the region (threshold {SignText.NumberEn(options.BoundaryPeakRatio)}){caveatEn}.");
    }

    private static int CutFor(MarkScale scale, int mark) => mark switch
    {
        3 => scale.MinScoreFor3,
        4 => scale.MinScoreFor4,
        _ => scale.MinScoreFor5,
    };

    /// <summary>Counts at a cut point and cut + 1 (the peak) and at the two scores on each side (the neighbours).</summary>
    private readonly record struct Window(long Peak, long Neighbours)
    {
        public long Total => Peak + Neighbours;

        /// <summary>Mean count on the two peak scores over the mean on the four neighbours; neighbours floored at one.</summary>
        public double Ratio => Peak / 2.0 / (Math.Max(Neighbours, 1) / 4.0);

        public Window Add(ScoreHistogram histogram, int cut) => new(
            Peak + histogram[cut] + histogram[cut + 1],
            Neighbours + histogram[cut - 2] + histogram[cut - 1] + histogram[cut + 2] + histogram[cut + 3]);
    }
}
