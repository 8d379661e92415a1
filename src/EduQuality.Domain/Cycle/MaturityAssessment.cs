namespace EduQuality.Domain.Cycle;

/// <summary>
/// The checklist of one organisation, direction and period. <see cref="Score"/> = positive criteria met minus negative
/// criteria present; <see cref="Maturity"/> = the score over the number of positive criteria, floored at 0.
/// </summary>
public sealed record MaturityAssessment(CycleKey Key, IReadOnlyList<CriterionResult> Results)
{
    public int PositiveTotal => Results.Count(r => !r.Criterion.Negative);

    public int PositiveMet => Results.Count(r => !r.Criterion.Negative && r.Met);

    public int NegativePresent => Results.Count(r => r.Criterion.Negative && r.Met);

    public int Score => PositiveMet - NegativePresent;

    public double Maturity => PositiveTotal == 0 ? 0 : Math.Max(0, Score) / (double)PositiveTotal;
}
