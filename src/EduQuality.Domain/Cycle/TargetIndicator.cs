using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Cycle;

/// <summary>
/// An indicator a decision means to move, its baseline when the decision was taken, and the target value: either a
/// metric of the deciding organisation's results in one procedure, subject and grade (shares as fractions), or, with
/// <see cref="IndicatorMetric.CatalogueIndicator"/>, the catalogue indicator <see cref="IndicatorCode"/> (in the
/// indicator's unit: percent, score or count; procedure, subject and grade are then unused).
/// </summary>
public sealed record TargetIndicator(IndicatorMetric Metric, ProcedureKind Procedure, string Subject, int Grade, double Baseline, double Target, string IndicatorCode = "");
