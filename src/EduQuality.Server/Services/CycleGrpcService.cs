using EduQuality.Api.V1;
using EduQuality.Contracts.Cycle;
using EduQuality.Domain.Cycle;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;
using EduQuality.Server.Cycle;
using EduQuality.Server.Hierarchy;
using EduQuality.Server.Mapping;
using EduQuality.Server.Rpc;
using EduQuality.Server.Security;
using EduQuality.Storage.Cycle;
using EduQuality.Storage.Organizations;
using Google.Rpc;
using Grpc.Core;
using CycleInstance = EduQuality.Api.V1.CycleInstance;
using CycleStage = EduQuality.Domain.Cycle.CycleStage;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;
using Recommendation = EduQuality.Api.V1.Recommendation;

namespace EduQuality.Server.Services;

/// <summary>
/// The management cycle: instances and their transitions and evidence (through the cycle grains), maturity and
/// rollups, recommendations, decisions, effectiveness, calendars, overdue stages and local directions.
/// Every change is written to the audit trail.
/// </summary>
public sealed class CycleGrpcService(
    IGrainFactory grains,
    OrganizationDirectory directory,
    CycleArguments arguments,
    CycleFacts facts,
    CycleStore cycles,
    RecommendationStore recommendations,
    DecisionStore decisions,
    CycleCalendarStore calendar,
    OrganizationStore organizations,
    SummaryIndicatorValues indicatorValues,
    ScopeAuthorizer scopes,
    Auditor auditor) : CycleService.CycleServiceBase
{
    private const string ErrorDomain = "cycle.eduquality";

    public override async Task<CycleInstance> GetInstance(CycleRef request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.OrganizationCode, request.Direction, request.Period, "", context.CancellationToken);
        return CycleMapper.ToContract(await Grain(key).GetAsync());
    }

    public override async Task<ListInstancesResponse> ListInstances(ListInstancesRequest request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.OrganizationCode, request.Direction, request.Period, "", context.CancellationToken);
        var children = await organizations.ChildrenAsync(key.OrganizationCode, AcademicYear.FirstDay(key.Period), context.CancellationToken);
        var codes = children.Select(c => c.Code).Prepend(key.OrganizationCode).ToList();
        var stored = await cycles.LoadManyAsync(codes, key.Direction, key.Period, context.CancellationToken);
        return new ListInstancesResponse
        {
            Instances = { codes.Select(code => CycleMapper.ToContract(stored.GetValueOrDefault(code) ?? new Domain.Cycle.CycleInstance(key with { OrganizationCode = code }))) },
        };
    }

    public override async Task<TransitionResponse> Transition(TransitionRequest request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.Cycle, "cycle", context.CancellationToken);
        var to = (CycleStage)request.To;
        if (!Enum.IsDefined(to))
        {
            throw InvalidInputException.Single("to", request.To.ToString(), "unknown stage");
        }

        CycleStage? expected = request.ExpectedFrom == Api.V1.CycleStage.NotStarted ? null : (CycleStage)request.ExpectedFrom;
        var change = await Grain(key).TransitionAsync(expected, to, context.Principal().Id);
        Refuse(change.Refusal);
        var last = change.Instance.History[^1];
        await auditor.RecordAsync(context, "cycle.transition", key.OrganizationCode,
            new { direction = key.Direction, period = key.Period, from = last.From.ToString(), to = last.To.ToString(), kind = last.Kind.ToString() });
        var response = new TransitionResponse { Instance = CycleMapper.ToContract(change.Instance) };
        if (change.Opened is { } opened)
        {
            response.Opened = CycleMapper.ToContract(opened);
        }

        return response;
    }

    public override async Task<CycleInstance> AddEvidence(AddEvidenceRequest request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.Cycle, "cycle", context.CancellationToken);
        var evidence = CycleMapper.ToDomain(request.Evidence);
        var change = await Grain(key).AddEvidenceAsync(evidence, context.Principal().Id);
        Refuse(change.Refusal);
        await auditor.RecordAsync(context, "cycle.evidence", key.OrganizationCode,
            new { direction = key.Direction, period = key.Period, stage = evidence.Stage.ToString(), type = evidence.Type.ToString(), evidence.Title, evidence.Url });
        return CycleMapper.ToContract(change.Instance);
    }

    public override async Task<Maturity> GetMaturity(CycleRef request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.OrganizationCode, request.Direction, request.Period, "", context.CancellationToken);
        return CycleMapper.ToContract(await facts.AssessAsync(key, await cycles.LoadAsync(key, context.CancellationToken), context.CancellationToken));
    }

    public override async Task<Rollup> GetRollup(RollupRequest request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.OrganizationCode, request.Direction, request.Period, "", context.CancellationToken);
        var children = await organizations.ChildrenAsync(key.OrganizationCode, AcademicYear.FirstDay(key.Period), context.CancellationToken);
        var stored = await cycles.LoadManyAsync(children.Select(c => c.Code).ToList(), key.Direction, key.Period, context.CancellationToken);
        var rows = await Task.WhenAll(children.Select(async child =>
        {
            var instance = stored.GetValueOrDefault(child.Code);
            return (instance, (await facts.AssessAsync(key with { OrganizationCode = child.Code }, instance, context.CancellationToken)).Maturity);
        }));
        var rollup = CycleRollup.Of(key.OrganizationCode, key.Direction, key.Period, rows);
        return new Rollup
        {
            OrganizationCode = rollup.OrganizationCode, Direction = rollup.Direction, Period = rollup.Period, Children = rollup.Children,
            Started = rollup.Started, Complete = rollup.Complete, ShareComplete = rollup.ShareComplete, MeanMaturity = rollup.MeanMaturity,
        };
    }

    public override async Task<Recommendation> CreateRecommendation(CreateRecommendationRequest request, ServerCallContext context)
    {
        if (request.RequestId.Length is 0 or > 100)
        {
            throw InvalidInputException.Single("request_id", request.RequestId, "a request id of 1..100 characters is required");
        }

        var given = request.Recommendation ?? throw InvalidInputException.Single("recommendation", "", "recommendation is required");
        var issuer = await arguments.KeyAsync(given.IssuedBy, "recommendation.issued_by", context.CancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if ((await organizations.OutsideSubtreeAsync(issuer.OrganizationCode, [given.OrganizationCode], today, context.CancellationToken)).Count > 0)
        {
            throw InvalidInputException.Single("recommendation.organization_code", given.OrganizationCode, "must be the issuing organisation or one below it");
        }

        CheckEnum<Domain.Cycle.RecommendationSource>("recommendation.source", (int)given.Source);
        CheckEnum<Domain.Cycle.Addressee>("recommendation.addressee", (int)given.Addressee);
        if (string.IsNullOrWhiteSpace(given.Subject) || given.Subject.Length > 2000)
        {
            throw InvalidInputException.Single("recommendation.subject", given.Subject, "a subject of 1..2000 characters is required");
        }

        var created = await recommendations.CreateAsync(request.RequestId, new Domain.Cycle.Recommendation(0, issuer, given.OrganizationCode,
            (Domain.Cycle.RecommendationSource)given.Source, (Domain.Cycle.Addressee)given.Addressee, given.Subject,
            DateArgument.Parse("recommendation.due_date", given.DueDate), Domain.Cycle.RecommendationStatus.Issued), context.CancellationToken);
        await auditor.RecordAsync(context, "cycle.recommendation.created", created.OrganizationCode,
            new { created.Id, issuer = issuer.OrganizationCode, direction = issuer.Direction, period = issuer.Period, created.Subject });
        return CycleMapper.ToContract(created);
    }

    public override async Task<ListRecommendationsResponse> GenerateRecommendations(GenerateRecommendationsRequest request, ServerCallContext context)
    {
        var issuer = await arguments.KeyAsync(request.IssuedBy, "issued_by", context.CancellationToken);
        var slice = new SliceKey((ProcedureKind)request.Procedure, request.Subject, request.Grade, "");
        if (!Enum.IsDefined(slice.Procedure) || !SubjectCatalog.IsKnown(slice.Subject))
        {
            throw InvalidInputException.Single("procedure", $"{request.Procedure}/{request.Subject}", "a procedure and a known subject code are required");
        }

        if (request.ShareMark2Above is < 0 or > 1)
        {
            throw InvalidInputException.Single("share_mark2_above", request.ShareMark2Above.ToString(System.Globalization.CultureInfo.InvariantCulture), "a share between 0 and 1 is required");
        }

        var dueDate = DateArgument.Parse("due_date", request.DueDate);
        var children = await organizations.ChildrenAsync(issuer.OrganizationCode, AcademicYear.FirstDay(issuer.Period), context.CancellationToken);
        var shares = await Task.WhenAll(children.Select(async child =>
        {
            var grain = await directory.SummaryGrainAsync(child.Code, issuer.Period, context.CancellationToken);
            var summary = (await grain.GetSliceAsync(slice)).Summary;
            return new RecommendationGenerator.ChildShare(child.Code, summary?.MarkedParticipants ?? 0, summary?.ShareMark2 ?? 0);
        }));
        var generated = RecommendationGenerator.ShareOfTwos(issuer, await directory.LevelAsync(issuer.OrganizationCode, context.CancellationToken),
            slice.Procedure, slice.Subject, slice.Grade, request.ShareMark2Above, dueDate, shares);
        var response = new ListRecommendationsResponse();
        foreach (var (key, draft) in generated)
        {
            var created = await recommendations.CreateAsync(key, draft, context.CancellationToken);
            await auditor.RecordAsync(context, "cycle.recommendation.created", created.OrganizationCode,
                new { created.Id, issuer = issuer.OrganizationCode, direction = issuer.Direction, period = issuer.Period, created.Subject, source = "analysis" });
            response.Recommendations.Add(CycleMapper.ToContract(created));
        }

        return response;
    }

    public override async Task<ListRecommendationsResponse> ListRecommendations(ListRecommendationsRequest request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.OrganizationCode, request.Direction, request.Period, "", context.CancellationToken);
        var list = await recommendations.ListAsync([key.OrganizationCode], key.Direction, key.Period, context.CancellationToken);
        return new ListRecommendationsResponse { Recommendations = { list.Select(CycleMapper.ToContract) } };
    }

    public override async Task<Recommendation> SetRecommendationStatus(SetRecommendationStatusRequest request, ServerCallContext context)
    {
        var recommendation = await recommendations.GetAsync(request.Id, context.CancellationToken)
            ?? throw InvalidInputException.Single("id", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "no such recommendation");
        await scopes.EnsureWithinAsync(context.Principal(), new ScopeTarget([recommendation.OrganizationCode], DateOnly.FromDateTime(DateTime.UtcNow)), context.CancellationToken);
        var to = (Domain.Cycle.RecommendationStatus)request.Status;
        Refuse(RecommendationRules.CheckStatusChange(recommendation.Status, to));
        if (!await recommendations.SetStatusAsync(recommendation.Id, recommendation.Status, to, context.CancellationToken))
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Aborted, "Статус рекомендации изменён другим пользователем; повторите запрос."));
        }

        await auditor.RecordAsync(context, "cycle.recommendation.status", recommendation.OrganizationCode,
            new { recommendation.Id, from = recommendation.Status.ToString(), to = to.ToString() });
        return CycleMapper.ToContract(recommendation with { Status = to });
    }

    public override async Task<Decision> CreateDecision(CreateDecisionRequest request, ServerCallContext context)
    {
        if (request.RequestId.Length is 0 or > 100)
        {
            throw InvalidInputException.Single("request_id", request.RequestId, "a request id of 1..100 characters is required");
        }

        var given = request.Decision ?? throw InvalidInputException.Single("decision", "", "decision is required");
        var key = await arguments.KeyAsync(given.Cycle, "decision.cycle", context.CancellationToken);
        CheckEnum<Domain.Cycle.DecisionType>("decision.type", (int)given.Type);
        if (string.IsNullOrWhiteSpace(given.Title) || given.Title.Length > 1000)
        {
            throw InvalidInputException.Single("decision.title", given.Title, "a title of 1..1000 characters is required");
        }

        var answerable = (await recommendations.ListAsync([key.OrganizationCode], key.Direction, key.Period, context.CancellationToken)).Select(r => r.Id).ToHashSet();
        if (given.Answers.FirstOrDefault(id => !answerable.Contains(id)) is var unknown and not 0)
        {
            throw InvalidInputException.Single("decision.answers", unknown.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "not a recommendation issued by or addressed to this organisation in this direction and period");
        }

        var targets = given.Targets.Select(CycleMapper.ToDomain).ToList();
        var created = await decisions.CreateAsync(request.RequestId, new ManagementDecision(0, key, (Domain.Cycle.DecisionType)given.Type, given.Title,
            DateArgument.Parse("decision.date", given.Date), given.Answers.ToList(), targets), context.CancellationToken);
        await auditor.RecordAsync(context, "cycle.decision.created", key.OrganizationCode,
            new { created.Id, direction = key.Direction, period = key.Period, type = created.Type.ToString(), created.Title });
        return CycleMapper.ToContract(created);
    }

    public override async Task<ListDecisionsResponse> ListDecisions(CycleRef request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.OrganizationCode, request.Direction, request.Period, "", context.CancellationToken);
        var list = await decisions.ListAsync([key.OrganizationCode], key.Direction, key.Period, context.CancellationToken);
        return new ListDecisionsResponse { Decisions = { list.Select(CycleMapper.ToContract) } };
    }

    public override async Task<Api.V1.EffectivenessReport> GetEffectivenessReport(EffectivenessRequest request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.OrganizationCode, request.Direction, request.Period, "", context.CancellationToken);
        var subtree = await organizations.SubtreeAsync(key.OrganizationCode, AcademicYear.FirstDay(key.Period), context.CancellationToken);
        var previous = await decisions.ListAsync(subtree, key.Direction, key.Period - 1, context.CancellationToken);
        var report = await EffectivenessAnalysis.AnalyzeAsync(key.Direction, key.Period, previous, indicatorValues, context.CancellationToken);
        return new Api.V1.EffectivenessReport
        {
            Direction = report.Direction,
            Period = report.Period,
            Decisions =
            {
                report.Decisions.Select(d => new Api.V1.DecisionEffect
                {
                    Decision = CycleMapper.ToContract(d.Decision), Targets = { d.Targets.Select(CycleMapper.ToContract) }, Measurable = d.Measurable,
                }),
            },
            WithoutEffect = { report.WithoutEffect.Select(d => d.Decision.Id) },
            ByProcedure =
            {
                report.ByProcedure.Select(p => new ProcedureOutcomes { Procedure = (Procedure)p.Key, Targets = { p.Value.Select(CycleMapper.ToContract) } }),
            },
        };
    }

    public override async Task<GetScheduleResponse> GetSchedule(GetScheduleRequest request, ServerCallContext context)
    {
        var schedule = await calendar.ScheduleAsync(request.Region, context.CancellationToken);
        var response = new GetScheduleResponse { Schedule = ToContract(schedule) };
        if (request.Period != 0)
        {
            response.DueDates.AddRange(Enum.GetValues<CycleStage>()
                .SelectMany(stage => schedule.DueDates(stage, request.Period).Select(date => (stage, date)))
                .OrderBy(d => d.date)
                .Select(d => new DueDate { Stage = (Api.V1.CycleStage)d.stage, Date = CycleMapper.Date(d.date) }));
        }

        return response;
    }

    public override async Task<Schedule> SetSchedule(Schedule request, ServerCallContext context)
    {
        if (await organizations.GetAsync(request.Region, DateOnly.FromDateTime(DateTime.UtcNow), context.CancellationToken) is not { Level: OrganizationLevel.Region })
        {
            throw InvalidInputException.Single("region", request.Region, "not a registered region");
        }

        var schedule = new CycleSchedule(request.Region,
            request.Entries.Select(e => new Domain.Cycle.ScheduleEntry((CycleStage)e.Stage, e.Label, e.Months.ToList(), e.Day)).ToList());
        if (schedule.Problem() is { } problem)
        {
            throw InvalidInputException.Single("entries", string.Join(",", request.Entries.Select(e => e.Label)), problem);
        }

        await calendar.SetScheduleAsync(schedule, context.CancellationToken);
        await auditor.RecordAsync(context, "cycle.schedule.set", schedule.Region, new { entries = schedule.Entries.Count });
        return ToContract(schedule);
    }

    public override async Task<OverdueResponse> ListOverdue(OverdueRequest request, ServerCallContext context)
    {
        var subtree = await organizations.SubtreeAsync(request.OrganizationCode, DateOnly.FromDateTime(DateTime.UtcNow), context.CancellationToken);
        var overdue = await calendar.OverdueAsync(subtree, context.CancellationToken);
        return new OverdueResponse
        {
            Stages =
            {
                overdue.Select(o => new Api.V1.OverdueStage
                {
                    Cycle = CycleMapper.ToContract(o.Stage.Key), Stage = (Api.V1.CycleStage)o.Stage.Stage, MissedDueDate = CycleMapper.Date(o.Stage.MissedDueDate),
                    DueCount = o.Stage.DueCount, CompletedCount = o.Stage.CompletedCount,
                    CheckedAt = o.CheckedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                }),
            },
        };
    }

    public override async Task<ListDirectionsResponse> ListDirections(ListDirectionsRequest request, ServerCallContext context)
    {
        var registry = await arguments.RegistryAsync(request.Region, context.CancellationToken);
        return new ListDirectionsResponse
        {
            Directions = { registry.For(request.Region).Select(d => new Direction { Code = d.Code, NameRu = d.NameRu, Federal = d.Federal }) },
        };
    }

    public override async Task<Direction> AddDirection(AddDirectionRequest request, ServerCallContext context)
    {
        if (await organizations.GetAsync(request.Region, DateOnly.FromDateTime(DateTime.UtcNow), context.CancellationToken) is not { Level: OrganizationLevel.Region })
        {
            throw InvalidInputException.Single("region", request.Region, "not a registered region");
        }

        var given = request.Direction ?? throw InvalidInputException.Single("direction", "", "direction is required");
        var existing = (await arguments.RegistryAsync(request.Region, context.CancellationToken)).For(request.Region);
        if (existing.FirstOrDefault(d => d.Code == given.Code) is { Federal: false } same && same.NameRu == given.NameRu)
        {
            return new Direction { Code = same.Code, NameRu = same.NameRu };
        }

        if (DirectionRegistry.LocalProblem(given.Code, given.NameRu, existing) is { } problem)
        {
            throw InvalidInputException.Single("direction.code", given.Code, problem);
        }

        await calendar.AddLocalDirectionAsync(new CycleDirection(given.Code, given.NameRu, false, request.Region), context.CancellationToken);
        await auditor.RecordAsync(context, "cycle.direction.added", request.Region, new { given.Code, given.NameRu });
        return new Direction { Code = given.Code, NameRu = given.NameRu };
    }

    private ICycleGrain Grain(CycleKey key) => grains.GetGrain<ICycleGrain>(key.ToString());

    private static Schedule ToContract(CycleSchedule schedule) => new()
    {
        Region = schedule.Region,
        Entries = { schedule.Entries.Select(e => new Api.V1.ScheduleEntry { Stage = (Api.V1.CycleStage)e.Stage, Label = e.Label, Months = { e.Months }, Day = e.Day }) },
    };

    /// <summary>A refused cycle operation: FAILED_PRECONDITION, the Russian message, the stable code as ErrorInfo.reason.</summary>
    private static void Refuse(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw RpcErrors.WithDetails(StatusCode.FailedPrecondition, refusal.Message, new ErrorInfo { Reason = refusal.Code, Domain = ErrorDomain });
        }
    }

    private static void CheckEnum<TEnum>(string field, int value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(typeof(TEnum), value))
        {
            throw InvalidInputException.Single(field, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "a value is required");
        }
    }
}
