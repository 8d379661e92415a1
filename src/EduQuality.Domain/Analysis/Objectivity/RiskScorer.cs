namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// Combines the signs of one school and year into a risk score (интегральная оценка риска). Evidence is counted once per
/// unit: a work, pooled works or, for the cross-procedure sign, a subject family against one exam; within a unit only
/// the strongest sign counts (a class beside its school, «подтвердили» beside «повысили» of the same work are the same
/// evidence). Units of one family reinforce each other as independent evidence, S = 1 − Π(1 − sᵤ); the score is the
/// weighted mean of the families, Σ w·S ÷ Σ w. A family's share is split among its units in proportion to −ln(1 − sᵤ), the
/// exact split of the product, so the contributions add up to the score. A school-year is listed when the score reaches
/// <see cref="ObjectivityOptions.FlagScore"/> with signs in at least <see cref="ObjectivityOptions.MinimumUnits"/> units.
/// </summary>
public sealed class RiskScorer(ObjectivityOptions options)
{
    /// <summary>Caps a unit's strength below 1 so that its logarithmic share stays finite.</summary>
    private const double MaxUnitStrength = 0.999;

    public SchoolYearRisk Score(string schoolCode, string? municipalityCode, int year, IEnumerable<ObjectivitySign> signs)
    {
        var contributions = new List<SignContribution>();
        var score = 0.0;
        var weightedUnits = 0;
        var totalWeight = options.Weights.Total;
        foreach (var family in signs.GroupBy(s => s.Family).OrderBy(g => g.Key))
        {
            var units = family
                .GroupBy(UnitOf)
                .Select(u => u.OrderByDescending(s => s.Strength).ThenBy(s => s.Kind).ThenBy(s => s.Scope.ClassLabel is not null).ToList())
                .ToList();
            var familyStrength = 1 - units.Aggregate(1.0, (product, u) => product * (1 - u[0].Strength));
            var familyScore = options.Weights.Of(family.Key) * familyStrength / totalWeight;
            weightedUnits += familyScore > 0 ? units.Count : 0;
            score += familyScore;
            var logs = units.Select(u => -Math.Log(1 - Math.Min(u[0].Strength, MaxUnitStrength))).ToList();
            var logSum = logs.Sum();
            for (var i = 0; i < units.Count; i++)
            {
                contributions.Add(new SignContribution(units[i][0], logSum > 0 ? familyScore * logs[i] / logSum : 0));
                contributions.AddRange(units[i].Skip(1).Select(s => new SignContribution(s, 0)));
            }
        }

        var ordered = contributions
            .OrderByDescending(c => c.Contribution)
            .ThenByDescending(c => c.Sign.Strength)
            .ThenBy(c => c.Sign.Kind)
            .ThenBy(c => c.Sign.Scope.Procedure)
            .ThenBy(c => c.Sign.Scope.Subject, StringComparer.Ordinal)
            .ThenBy(c => c.Sign.Scope.Grades[0])
            .ThenBy(c => c.Sign.Scope.ClassLabel ?? "", StringComparer.Ordinal)
            .ToList();
        score = Math.Clamp(score, 0, 1);
        var flagged = score >= options.FlagScore && weightedUnits >= options.MinimumUnits;
        return new SchoolYearRisk(schoolCode, municipalityCode, year, score, flagged, ordered);
    }

    /// <summary>The evidence unit of a sign: its work for the whole school, plus the exam compared with.</summary>
    private static (WorkScope Scope, Assessment.ProcedureKind? Against) UnitOf(ObjectivitySign sign) =>
        (sign.Scope.WholeSchool(), sign.Kind == ObjectivitySignKind.CrossProcedure ? sign.ComparedWith?.Scope.Procedure : null);
}
