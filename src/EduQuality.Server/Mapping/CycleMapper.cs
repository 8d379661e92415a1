using System.Globalization;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Cycle;
using EduQuality.Server.Rpc;
using V1 = EduQuality.Api.V1;

namespace EduQuality.Server.Mapping;

/// <summary>Cycle types between the domain and the public contract; enum numbers are equal on both sides.</summary>
public static class CycleMapper
{
    public static V1.CycleRef ToContract(CycleKey key) => new() { OrganizationCode = key.OrganizationCode, Direction = key.Direction, Period = key.Period };

    public static V1.CycleInstance ToContract(CycleInstance instance) => new()
    {
        Cycle = ToContract(instance.Key),
        Stage = (V1.CycleStage)instance.Stage,
        Wave = instance.Wave,
        Evidence = { instance.Evidence.Select(ToContract) },
        History =
        {
            instance.History.Select(t => new V1.Transition
            {
                From = (V1.CycleStage)t.From, To = (V1.CycleStage)t.To, Kind = KindName(t.Kind), Wave = t.Wave,
                At = t.At.ToString("O", CultureInfo.InvariantCulture), Actor = t.Actor,
            }),
        },
        CompleteStages = { Enum.GetValues<CycleStage>().Where(instance.IsComplete).Select(s => (V1.CycleStage)s) },
        CycleComplete = instance.IsCycleComplete,
        AllowedNext = { instance.Stage == CycleStage.Closed ? [] : CycleMachine.Targets(instance.Stage).Select(s => (V1.CycleStage)s) },
    };

    public static V1.Evidence ToContract(CycleEvidence evidence) => new()
    {
        Stage = (V1.CycleStage)evidence.Stage, Type = (V1.EvidenceType)evidence.Type, Title = evidence.Title, Number = evidence.Number,
        Date = Date(evidence.Date), Url = evidence.Url, Wave = evidence.Wave,
    };

    /// <summary>The evidence of a request (wave is set when recorded); the date must parse, the rest is checked by <see cref="EvidenceRules"/>.</summary>
    public static CycleEvidence ToDomain(V1.Evidence? evidence)
    {
        if (evidence is null)
        {
            throw InvalidInputException.Single("evidence", "", "evidence is required");
        }

        var domain = new CycleEvidence((CycleStage)evidence.Stage, (EvidenceType)evidence.Type, evidence.Title, evidence.Number,
            DateArgument.Parse("evidence.date", evidence.Date), evidence.Url, 0);
        var violations = EvidenceRules.Check(domain).Select(v => v with { Field = "evidence." + v.Field }).ToList();
        return violations.Count > 0 ? throw new InvalidInputException($"evidence refused: {string.Join("; ", violations)}", violations) : domain;
    }

    public static V1.Recommendation ToContract(Recommendation recommendation) => new()
    {
        Id = recommendation.Id, IssuedBy = ToContract(recommendation.IssuedBy), OrganizationCode = recommendation.OrganizationCode,
        Source = (V1.RecommendationSource)recommendation.Source, Addressee = (V1.Addressee)recommendation.Addressee,
        Subject = recommendation.Subject, DueDate = Date(recommendation.DueDate), Status = (V1.RecommendationStatus)recommendation.Status,
        AnalysisId = recommendation.AnalysisId, WithdrawalReason = recommendation.WithdrawalReason,
        Trace =
        {
            (recommendation.Trace ?? []).Select(t => t.Reference is { } reference
                ? new V1.TraceFigureView { Name = t.Name, Value = t.Value, Reference = reference }
                : new V1.TraceFigureView { Name = t.Name, Value = t.Value }),
        },
    };

    public static V1.Decision ToContract(ManagementDecision decision) => new()
    {
        Id = decision.Id, Cycle = ToContract(decision.Cycle), Type = (V1.DecisionType)decision.Type, Title = decision.Title,
        Date = Date(decision.Date), Answers = { decision.Answers }, Targets = { decision.Targets.Select(ToContract) },
    };

    public static V1.TargetIndicator ToContract(TargetIndicator target) => new()
    {
        Metric = (V1.IndicatorMetric)target.Metric, Procedure = (V1.Procedure)target.Procedure, Subject = target.Subject,
        Grade = target.Grade, Baseline = target.Baseline, Target = target.Target, IndicatorCode = target.IndicatorCode,
    };

    /// <summary>
    /// A target of a request: a summary metric of a procedure, a known subject and a grade, or a catalogue indicator
    /// that is computed from pooled data or reported (a share, mean or count) and has no negative consequences.
    /// </summary>
    public static TargetIndicator ToDomain(V1.TargetIndicator target, int index, IndicatorCatalog catalog)
    {
        var field = $"decision.targets[{index}]";
        if (!Enum.IsDefined((IndicatorMetric)target.Metric))
        {
            throw InvalidInputException.Single(field + ".metric", target.Metric.ToString(), "metric is required");
        }

        if ((IndicatorMetric)target.Metric == IndicatorMetric.CatalogueIndicator)
        {
            var definition = catalog.ActiveIndicators.FirstOrDefault(d => d.Code == target.IndicatorCode);
            var problem = definition switch
            {
                null => "not an active indicator of the catalogue",
                { NegativeConsequence: true } => "an indicator with negative consequences cannot be a management target",
                { Kind: not (IndicatorKind.Share or IndicatorKind.Mean or IndicatorKind.Count) } => "only share, mean and count indicators have values to compare",
                _ => null,
            };
            return problem is null
                ? new TargetIndicator(IndicatorMetric.CatalogueIndicator, 0, "", 0, target.Baseline, target.Target, target.IndicatorCode)
                : throw InvalidInputException.Single(field + ".indicator_code", target.IndicatorCode, problem);
        }

        if (target.IndicatorCode.Length > 0)
        {
            throw InvalidInputException.Single(field + ".indicator_code", target.IndicatorCode, "an indicator code goes with the catalogue-indicator metric only");
        }

        if (!Enum.IsDefined((ProcedureKind)target.Procedure))
        {
            throw InvalidInputException.Single(field + ".procedure", target.Procedure.ToString(), "procedure is required");
        }

        if (!SubjectCatalog.IsKnown(target.Subject))
        {
            throw InvalidInputException.Single(field + ".subject", target.Subject, "unknown subject code");
        }

        return new TargetIndicator((IndicatorMetric)target.Metric, (ProcedureKind)target.Procedure, target.Subject, target.Grade, target.Baseline, target.Target);
    }

    public static V1.TargetOutcome ToContract(TargetOutcome outcome) => new()
    {
        DecisionId = outcome.DecisionId, OrganizationCode = outcome.OrganizationCode, Target = ToContract(outcome.Target), Previous = outcome.Previous,
        HasCurrent = outcome.Current.HasValue, Current = outcome.Current ?? 0, Change = outcome.Change ?? 0,
        Improved = outcome.Improved, Reached = outcome.Reached,
        HigherIsBetter = outcome.Scale.HigherIsBetter, MinimumChange = outcome.Scale.MinimumChange, Monitoring = outcome.Scale.Monitoring,
    };

    public static V1.Maturity ToContract(MaturityAssessment assessment) => new()
    {
        Cycle = ToContract(assessment.Key),
        Criteria =
        {
            assessment.Results.Select(r => new V1.CriterionResult
            {
                Code = r.Criterion.Code, Stage = (V1.CycleStage)r.Criterion.Stage, Text = r.Criterion.TextRu, Source = r.Criterion.Source,
                Negative = r.Criterion.Negative, Met = r.Met, ByEvidence = r.ByEvidence, ByData = r.ByData,
            }),
        },
        PositiveTotal = assessment.PositiveTotal, PositiveMet = assessment.PositiveMet, NegativePresent = assessment.NegativePresent,
        Score = assessment.Score, MaturityShare = assessment.Maturity,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string KindName(TransitionKind kind) => kind switch
    {
        TransitionKind.Forward => "forward",
        TransitionKind.NewWave => "new_wave",
        TransitionKind.Correction => "correction",
        _ => "next_period",
    };
}
