using EduQuality.Api.V1;
using EduQuality.Contracts;
using EduQuality.Contracts.Analysis;
using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Analysis.Region;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Hierarchy;
using EduQuality.Server.Analysis;
using EduQuality.Server.Hierarchy;
using EduQuality.Server.Mapping;
using EduQuality.Server.Rpc;
using EduQuality.Server.Security;
using EduQuality.Storage.Organizations;
using Grpc.Core;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;

namespace EduQuality.Server.Services;

/// <summary>
/// The analysis findings of the region an organisation belongs to, narrowed to the organisation's subtree. The findings
/// are kept live by the region's analysis grain; this service only reads and narrows them.
/// </summary>
public sealed class AnalysisGrpcService(
    RegionFindingsReader regionFindings, OrganizationStore organizations, IGrainFactory grains, IndicatorDataReader indicatorData, IndicatorEvaluator evaluator,
    ScopeAuthorizer scopes)
    : AnalysisService.AnalysisServiceBase
{
    public override async Task<ObjectivityResponse> GetObjectivity(AnalysisRequest request, ServerCallContext context)
    {
        var (findings, inScope) = await FindingsAsync(request, context.CancellationToken);
        var risks = findings.Risks.Where(r => inScope.Contains(r.SchoolCode)).ToList();
        var response = new ObjectivityResponse
        {
            OrganizationCode = request.OrganizationCode,
            Year = request.Year,
            Risks = { risks.Select(AnalysisMapper.ToContract) },
            Flagged = new FlaggedSchoolList
            {
                MunicipalityCode = "",
                SchoolCodes = { risks.Where(r => r.Flagged).Select(r => r.SchoolCode).Order(StringComparer.Ordinal) },
            },
            Stamp = AnalysisMapper.Stamp(findings),
        };
        response.Municipalities.AddRange(findings.Flagged
            .Where(f => f.MunicipalityCode is not null && f.SchoolCodes.Any(inScope.Contains))
            .Select(f => new FlaggedSchoolList { MunicipalityCode = f.MunicipalityCode!, SchoolCodes = { f.SchoolCodes.Where(inScope.Contains) } }));
        return response;
    }

    public override async Task<LowResultsResponse> GetLowResults(AnalysisRequest request, ServerCallContext context)
    {
        var (findings, inScope) = await FindingsAsync(request, context.CancellationToken);
        var lists = findings.ListsOfYear;
        var response = new LowResultsResponse
        {
            OrganizationCode = request.OrganizationCode,
            Year = request.Year,
            Provisional = lists?.Provisional ?? true,
            Stamp = AnalysisMapper.Stamp(findings),
        };
        if (lists is null)
        {
            return response;
        }

        response.Shnor.AddRange(lists.Shnor.Where(s => inScope.Contains(s.SchoolCode)).Select(AnalysisMapper.ToContract));
        response.Shnsu.AddRange(lists.Shnsu.Where(s => inScope.Contains(s.SchoolCode)).Select(AnalysisMapper.ToContract));
        response.Dynamics.AddRange(findings.Dynamics
            .Where(d => d.ToYear <= request.Year && d.Kind != ListKind.Target)
            .Select(d => AnalysisMapper.ToContract(d, inScope.Contains)));
        response.Histories.AddRange(findings.Histories
            .Where(h => inScope.Contains(h.SchoolCode))
            .Select(h => AnalysisMapper.ToContract(h, request.Year)));
        return response;
    }

    public override async Task<ProgrammeIndicatorsResponse> GetProgrammeIndicators(AnalysisRequest request, ServerCallContext context)
    {
        var (findings, _) = await FindingsAsync(request, context.CancellationToken);
        var level = (await organizations.GetAsync(request.OrganizationCode, AcademicYear.FirstDay(request.Year), context.CancellationToken))!.Level;
        if (level == OrganizationLevel.School)
        {
            throw InvalidInputException.Single("organization_code", request.OrganizationCode,
                "programme indicators are kept for a region or a municipality, not for one school");
        }

        var scope = level == OrganizationLevel.Region ? NorilskIndicators.RegionScope : request.OrganizationCode;
        return new ProgrammeIndicatorsResponse
        {
            OrganizationCode = request.OrganizationCode,
            Year = request.Year,
            Indicators = { findings.Programme.Where(v => v.Scope == scope).Select(AnalysisMapper.ToContract) },
            Stamp = AnalysisMapper.Stamp(findings),
        };
    }

    public override async Task<RecommendationsResponse> ListRecommendations(AnalysisRequest request, ServerCallContext context)
    {
        var (findings, inScope) = await FindingsAsync(request, context.CancellationToken);
        return new RecommendationsResponse
        {
            OrganizationCode = request.OrganizationCode,
            Year = request.Year,
            Recommendations = { findings.Recommendations.Where(r => inScope.Contains(r.OrganizationCode)).Select(AnalysisMapper.ToContract) },
            Stamp = AnalysisMapper.Stamp(findings),
        };
    }

    public override async Task<ClusterPeersResponse> GetClusterPeers(AnalysisRequest request, ServerCallContext context)
    {
        var (findings, _) = await FindingsAsync(request, context.CancellationToken);
        var codes = findings.Clusters?.Schools.Keys.ToList() ?? [];
        var visible = (await scopes.FilterAsync(context.Principal(), codes, c => c, AcademicYear.FirstDay(request.Year), context.CancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return ClusterPeersView.Build(request, findings, visible.Contains);
    }

    public override async Task<IndicatorValuesResponse> GetIndicatorValues(IndicatorValuesRequest request, ServerCallContext context)
    {
        CheckYear(request.Year);
        var (series, parent, references, means) = await indicatorData.ReadAsync(request.OrganizationCode, request.Year, context.CancellationToken);
        var values = evaluator.Evaluate(series, parent, references, request.Direction.Length > 0 ? request.Direction : null)
            .Where(v => request.AnalyticalView || !v.Definition.NegativeConsequence);
        return new IndicatorValuesResponse
        {
            OrganizationCode = request.OrganizationCode,
            Year = request.Year,
            Indicators = { values.Select(AnalysisMapper.ToContract) },
            AnalyticalView = request.AnalyticalView,
            NoticeRu = request.AnalyticalView ? SchoolRanking.NoticeRu : "",
            WorkMeans = { WorkMeans.Compare(series[^1].Summaries, parent?.Summaries, means).Select(AnalysisMapper.ToContract) },
        };
    }

    public override async Task<Api.V1.RankingResponse> RankSchools(RankingRequest request, ServerCallContext context)
    {
        var schools = await RankingInputAsync(request, includeClasses: false, context.CancellationToken);
        var ranked = SchoolRanking.Rank(schools, (Domain.Analysis.Indicators.RankingMeasure)request.Measure, request.Subject, request.Grade);
        return new Api.V1.RankingResponse
        {
            AnalyticalView = true,
            NoticeRu = SchoolRanking.NoticeRu,
            Schools = { ranked.Select(r => new Api.V1.RankedSchool { Rank = r.Rank, SchoolCode = r.SchoolCode, Value = r.Value, Participants = r.Participants }) },
        };
    }

    public override async Task<Api.V1.RankingResponse> RankClasses(RankingRequest request, ServerCallContext context)
    {
        var schools = await RankingInputAsync(request, includeClasses: true, context.CancellationToken);
        var ranked = SchoolRanking.RankClasses(schools, (Domain.Analysis.Indicators.RankingMeasure)request.Measure, request.Subject, request.Grade);
        return new Api.V1.RankingResponse
        {
            AnalyticalView = true,
            NoticeRu = SchoolRanking.NoticeRu,
            Classes =
            {
                ranked.Select(r => new Api.V1.RankedClass
                {
                    Rank = r.Rank, SchoolCode = r.SchoolCode, Grade = r.Grade, ClassLabel = r.ClassLabel, Value = r.Value, Participants = r.Participants,
                }),
            },
        };
    }

    /// <summary>
    /// The guard and the input of a ranking: refused unless asked for as an analytical view; the summaries of the
    /// subtree's schools in the year, by code.
    /// </summary>
    private async Task<List<(string School, Domain.Summaries.SummarySet Summaries)>> RankingInputAsync(
        RankingRequest request, bool includeClasses, CancellationToken cancellationToken)
    {
        if (!request.AnalyticalView)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, SchoolRanking.RefusalRu));
        }

        if (!Enum.IsDefined((Domain.Analysis.Indicators.RankingMeasure)request.Measure))
        {
            throw InvalidInputException.Single("measure", request.Measure.ToString(), "a ranking measure is required");
        }

        CheckYear(request.Year);
        var asOf = AcademicYear.FirstDay(request.Year);
        var subtree = await organizations.SubtreeAsync(request.OrganizationCode, asOf, cancellationToken);
        var schools = (await organizations.FindAsync(subtree, asOf, cancellationToken)).Values
            .Where(o => o.Level == OrganizationLevel.School).Select(o => o.Code).Order(StringComparer.Ordinal).ToList();
        var summaries = await Task.WhenAll(schools.Select(code =>
            grains.GetGrain<Contracts.Results.ISchoolYearGrain>(GrainKeys.ForYear(request.Year, code)).GetSummariesAsync(includeClasses)));
        return schools.Zip(summaries, (code, snapshot) => (code, snapshot.Summaries)).ToList();
    }

    /// <summary>The findings of the organisation's region and the schools of its subtree that year.</summary>
    private async Task<(RegionFindings Findings, HashSet<string> InScope)> FindingsAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        CheckYear(request.Year);
        var (_, findings, subtree) = await regionFindings.ReadAsync(request.OrganizationCode, request.Year, cancellationToken);
        return (findings, subtree);
    }

    private static void CheckYear(int year)
    {
        if (year is < ResultBatchValidator.FirstYear or > ResultBatchValidator.LastYear)
        {
            throw InvalidInputException.Single("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"year must be between {ResultBatchValidator.FirstYear} and {ResultBatchValidator.LastYear}");
        }
    }
}
