using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Analysis.Recommendations;
using EduQuality.Domain.Analysis.Region;

namespace EduQuality.Server.Mapping;

/// <summary>Analysis findings in the public contract's terms.</summary>
public static class AnalysisMapper
{
    public static AnalysisStamp Stamp(RegionFindings findings) => new()
    {
        RegionCode = findings.RegionCode,
        ComputedAt = findings.ComputedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        Revision = findings.Revision,
    };

    public static SchoolObjectivityRisk ToContract(SchoolYearRisk risk) => new()
    {
        SchoolCode = risk.SchoolCode,
        MunicipalityCode = risk.MunicipalityCode ?? "",
        Year = risk.Year,
        Score = risk.Score,
        Flagged = risk.Flagged,
        Signs =
        {
            risk.Signs.Select(s => new ObjectivitySignView
            {
                Kind = s.Sign.Kind.ToString(),
                Scope = s.Sign.Scope.ToString(),
                Participants = s.Sign.Participants,
                Measured = s.Sign.Measured,
                Reference = s.Sign.Reference,
                Threshold = s.Sign.Threshold,
                Unit = s.Sign.Unit.ToString(),
                Contribution = s.Contribution,
                ExplanationRu = s.Sign.ExplanationRu,
                ExplanationEn = s.Sign.ExplanationEn,
            }),
        },
    };

    public static ListedSchoolView ToContract(ListedSchool school) => new()
    {
        SchoolCode = school.SchoolCode,
        MunicipalityCode = school.MunicipalityCode,
        Reasons =
        {
            school.Reasons.Select(r => new ListReasonView
            {
                Method = r.Method,
                TextRu = r.TextRu,
                TextEn = r.TextEn,
                Figures = { r.Figures.Select(f => new Api.V1.ReasonFigure { Name = f.Name, Year = f.Year ?? 0, Value = f.Value }) },
            }),
        },
    };

    public static ListMovement ToContract(ListDynamics dynamics, Func<string, bool> inScope) => new()
    {
        List = dynamics.Kind == ListKind.Shnor ? "SHNOR" : dynamics.Kind == ListKind.Shnsu ? "SHNSU" : "TARGET",
        FromYear = dynamics.FromYear,
        ToYear = dynamics.ToYear,
        Entered = { dynamics.Entered.Where(inScope) },
        Left = { dynamics.Left.Where(inScope) },
        Stayed = { dynamics.Stayed.Where(inScope) },
        PositiveShare = Share(dynamics.Left.Count(inScope), dynamics, inScope),
        NegativeShare = Share(dynamics.Entered.Count(inScope), dynamics, inScope),
    };

    public static SchoolListHistory ToContract(SchoolHistory history, int lastYear) => new()
    {
        SchoolCode = history.SchoolCode,
        Years =
        {
            history.Years.Where(y => y.Year <= lastYear).Select(y =>
            {
                var status = new SchoolListStatus
                {
                    Year = y.Year,
                    InShnor = y.InShnor,
                    InShnsu = y.InShnsu,
                    ShnorTransition = y.Shnor.ToString(),
                    ShnsuTransition = y.Shnsu.ToString(),
                    Dynamics = y.Dynamics.ToString(),
                };
                if (y.Integral is { } integral)
                {
                    status.Integral = integral;
                }

                if (y.IntegralChange is { } change)
                {
                    status.IntegralChange = change;
                }

                return status;
            }),
        },
    };

    public static ProgrammeIndicatorValue ToContract(NorilskIndicatorValue value)
    {
        var result = new ProgrammeIndicatorValue
        {
            Code = value.Code,
            NameRu = value.NameRu,
            NameEn = value.NameEn,
            Year = value.Year,
            Scope = value.Scope,
            Status = value.Status.ToString(),
            Target = value.Target?.ToString() ?? "",
            NoteRu = value.NoteRu,
        };
        if (value.Value is { } v)
        {
            result.Value = v;
        }

        if (value.Numerator is { } numerator)
        {
            result.Numerator = numerator;
        }

        if (value.Denominator is { } denominator)
        {
            result.Denominator = denominator;
        }

        if (value.PreviousValue is { } previous)
        {
            result.PreviousValue = previous;
        }

        if (value.TargetMet is { } met)
        {
            result.TargetMet = met;
        }

        return result;
    }

    public static WorkMeanView ToContract(WorkMean mean)
    {
        var view = new WorkMeanView
        {
            Procedure = (Procedure)mean.Procedure,
            Subject = mean.Subject,
            Grade = mean.Grade,
            Participants = mean.Participants,
            MeanScore = mean.MeanScore,
        };
        Set(mean.ParentMeanScore, v => view.ParentMeanScore = v);
        Set(mean.DifferenceFromParent, v => view.DifferenceFromParent = v);
        Set(mean.RegionalMean, v => view.RegionalMean = v);
        Set(mean.DifferenceFromRegional, v => view.DifferenceFromRegional = v);
        Set(mean.FederalMean, v => view.FederalMean = v);
        Set(mean.DifferenceFromFederal, v => view.DifferenceFromFederal = v);
        return view;
    }

    public static IndicatorValueView ToContract(IndicatorValue value)
    {
        var d = value.Definition;
        var view = new IndicatorValueView
        {
            Code = d.Code,
            Direction = d.Direction,
            NameRu = d.NameRu,
            NameEn = d.NameEn,
            Unit = d.Unit.ToString(),
            Status = value.Status.ToString(),
            Target = d.Target?.ToString() ?? "",
            Dynamics = value.Dynamics.ToString(),
            HigherIsBetter = d.HigherIsBetter,
            NegativeConsequence = d.NegativeConsequence,
            Series = { value.Series.Select(v => v.Value is { } x ? new IndicatorYearValue { Year = v.Year, Value = x } : new IndicatorYearValue { Year = v.Year }) },
        };
        Set(value.Value, v => view.Value = v);
        Set(value.Numerator, v => view.Numerator = v);
        Set(value.Denominator, v => view.Denominator = v);
        Set(value.ParentValue, v => view.ParentValue = v);
        Set(value.DifferenceFromParent, v => view.DifferenceFromParent = v);
        Set(value.RegionalReference, v => view.RegionalReference = v);
        Set(value.DifferenceFromRegional, v => view.DifferenceFromRegional = v);
        Set(value.FederalReference, v => view.FederalReference = v);
        Set(value.DifferenceFromFederal, v => view.DifferenceFromFederal = v);
        if (value.TargetMet is { } met)
        {
            view.TargetMet = met;
        }

        return view;
    }

    public static RecommendationView ToContract(Domain.Analysis.Recommendations.Recommendation recommendation) => new()
    {
        Id = recommendation.Id,
        Rule = recommendation.Rule,
        Addressee = recommendation.Addressee.ToString(),
        OrganizationCode = recommendation.OrganizationCode,
        Level = recommendation.Level.ToString(),
        Year = recommendation.Year,
        Direction = recommendation.Direction,
        Subject = recommendation.Subject ?? "",
        Grade = recommendation.Grade ?? 0,
        TextRu = recommendation.TextRu,
        Trace =
        {
            recommendation.Trace.Select(t =>
            {
                var figure = new TraceFigureView { Name = t.Name, Value = t.Value };
                Set(t.Reference, v => figure.Reference = v);
                return figure;
            }),
        },
    };

    private static void Set(double? value, Action<double> set)
    {
        if (value is { } v)
        {
            set(v);
        }
    }

    private static double Share(int count, ListDynamics dynamics, Func<string, bool> inScope)
    {
        var denominator = dynamics.Entered.Count(inScope) + dynamics.Left.Count(inScope) + dynamics.Stayed.Count(inScope);
        return denominator == 0 ? 0 : (double)count / denominator;
    }
}
