namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// ВПР against ОГЭ/ЕГЭ of the same school and subject family in the same year (результаты ВПР не подтверждаются
/// результатами ГИА), the pattern Rosobrnadzor named: a school near the top of the region in ВПР
/// (≥ <see cref="ObjectivityOptions.CrossProcedureHighPercentile"/>) and near the bottom in the state exams
/// (≤ <see cref="ObjectivityOptions.CrossProcedureLowPercentile"/>). Percentiles come from <see cref="PercentileRanks"/>.
/// </summary>
public sealed class CrossProcedureDetector : IObjectivityDetector
{
    public IEnumerable<ObjectivitySign> Detect(ObjectivityContext context, string schoolCode, int year)
    {
        var options = context.Options;
        var ranks = context.Ranks(year);
        var works = context.WholeSchool(schoolCode, year).Keys.ToList();
        var judged = works.Where(k => options.JudgedProcedures.Contains(k.Procedure))
            .Select(k => (k.Procedure, Family: options.FamilyOf(k.Subject)))
            .Distinct()
            .OrderBy(k => k.Procedure).ThenBy(k => k.Family, StringComparer.Ordinal);
        foreach (var (procedure, family) in judged)
        {
            if (ranks.Find(schoolCode, procedure, family) is not { } high || high.Percentile < options.CrossProcedureHighPercentile)
            {
                continue;
            }

            foreach (var exam in options.ConfirmingProcedures.Order())
            {
                if (ranks.Find(schoolCode, exam, family) is not { } low || low.Percentile > options.CrossProcedureLowPercentile)
                {
                    continue;
                }

                var scope = new WorkScope(procedure, family, high.Grades, null);
                var examScope = new WorkScope(exam, family, low.Grades, null);
                var quartileGap = options.CrossProcedureHighPercentile - options.CrossProcedureLowPercentile;
                var strength = SignStatistics.Strength((high.Percentile - low.Percentile) / quartileGap, false, options.LowConfidenceFactor);
                var (highAt, lowAt) = (SignText.Points(high.Percentile), SignText.Points(low.Percentile));
                var (highBound, lowBound) = (SignText.Points(options.CrossProcedureHighPercentile), SignText.Points(options.CrossProcedureLowPercentile));
                yield return new ObjectivitySign(
                    ObjectivitySignKind.CrossProcedure, schoolCode, year, scope, high.Participants, high.Percentile, low.Percentile,
                    options.CrossProcedureHighPercentile, MeasureUnit.Percentile, PValue: null, strength, LowConfidence: false,
                    new ComparedResults(examScope, year),
                    $"{SignText.ScopeRu(scope)}: школа на {highAt}-м процентиле региона по {SignText.ProcedureRu(procedure)}, "
                    + $"но на {lowAt}-м по {SignText.ProcedureRu(exam)} того же предмета (пороги: не ниже {highBound}-го и не выше {lowBound}-го).",
                    $"{SignText.ScopeEn(scope)}: the school is at the {SignText.OrdinalEn(high.Percentile)} percentile of the region in "
                    + $"{SignText.ProcedureEn(procedure)} but at the {SignText.OrdinalEn(low.Percentile)} in {SignText.ProcedureEn(exam)} of the same "
                    + $"subject (thresholds: at least the {SignText.OrdinalEn(options.CrossProcedureHighPercentile)}, at most the "
                    + $"{SignText.OrdinalEn(options.CrossProcedureLowPercentile)}).");
            }
        }
    }
}
