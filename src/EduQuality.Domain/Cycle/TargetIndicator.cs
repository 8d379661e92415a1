using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// An indicator a decision means to move: which value (metric of a procedure, subject and grade at the deciding
/// organisation), its baseline when the decision was taken, and the target value.
/// </summary>
public sealed record TargetIndicator(IndicatorMetric Metric, ProcedureKind Procedure, string Subject, int Grade, double Baseline, double Target)
{
    /// <summary>Whether a rise of the metric is an improvement.</summary>
    public bool HigherIsBetter => Metric is IndicatorMetric.MeanScore or IndicatorMetric.ShareHighScorers;
}
