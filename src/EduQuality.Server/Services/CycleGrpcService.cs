using EduQuality.Api.V1;
using EduQuality.Contracts.Cycle;
using EduQuality.Domain.Cycle;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using EduQuality.Server.Analysis;
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
/// rollups, recommendations (entered, or imported from the region's analysis), decisions, effectiveness, calendars,
/// thresholds of a measurable effect, overdue stages and local directions. Every change is written to the audit trail.
/// </summary>
public sealed class CycleGrpcService(
    IGrainFactory grains,
    CycleArguments arguments,
    CycleFacts facts,
    CycleStore cycles,
    RecommendationStore recommendations,
    DecisionStore decisions,
    CycleCalendarStore calendar,
    OrganizationStore organizations,
    TargetValues targetValues,
    IndicatorCatalog catalog,
    RegionFindingsReader regionFindings,
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

        if (request.RequestId.StartsWith(AnalysisRecommendationImport.RequestIdPrefix, StringComparison.Ordinal))
        {
            throw InvalidInputException.Single("request_id", request.RequestId, "this prefix is reserved for recommendations imported from the analysis");
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
        var (created, isNew) = await recommendations.CreateAsync(request.RequestId, new Domain.Cycle.Recommendation(0, issuer, given.OrganizationCode,
            (Domain.Cycle.RecommendationSource)given.Source, (Domain.Cycle.Addressee)given.Addressee, CheckedSubject("recommendation.subject", given.Subject),
            DateArgument.Parse("recommendation.due_date", given.DueDate), Domain.Cycle.RecommendationStatus.Issued), context.CancellationToken);
        if (isNew)
        {
            await auditor.RecordAsync(context, "cycle.recommendation.created", created.OrganizationCode,
                new { created.Id, issuer = issuer.OrganizationCode, direction = issuer.Direction, period = issuer.Period, created.Subject });
        }

        return CycleMapper.ToContract(created);
    }

    public override async Task<ListRecommendationsResponse> GenerateRecommendations(GenerateRecommendationsRequest request, ServerCallContext context)
    {
        var scope = await arguments.KeyAsync(request.Cycle, "cycle", context.CancellationToken);
        var (region, findings, inScope) = await regionFindings.ReadAsync(scope.OrganizationCode, scope.Period, context.CancellationToken);
        var dueDate = request.DueDate.Length > 0
            ? DateArgument.Parse("due_date", request.DueDate)
            : (await calendar.ScheduleAsync(region, context.CancellationToken)).DueDates(CycleStage.Measures, scope.Period) is [var first, ..]
                ? first
                : new DateOnly(scope.Period, 8, 31);
        var response = new ListRecommendationsResponse();
        foreach (var found in findings.Recommendations
                     .Where(r => r.Year == scope.Period && r.Direction == scope.Direction && inScope.Contains(r.OrganizationCode)))
        {
            var (imported, isNew) = await recommendations.CreateAsync(
                AnalysisRecommendationImport.RequestId(found), AnalysisRecommendationImport.ToCycle(found, region, dueDate), context.CancellationToken);
            if (isNew)
            {
                await auditor.RecordAsync(context, "cycle.recommendation.created", imported.OrganizationCode,
                    new { imported.Id, issuer = region, direction = scope.Direction, period = scope.Period, imported.Subject, analysis = imported.AnalysisId });
            }

            response.Recommendations.Add(CycleMapper.ToContract(imported));
        }

        return response;
    }

    public override async Task<ListRecommendationsResponse> ListRecommendations(ListRecommendationsRequest request, ServerCallContext context)
    {
        var key = await arguments.KeyAsync(request.OrganizationCode, request.Direction, request.Period, "", context.CancellationToken);
        var list = await recommendations.ListAsync([key.OrganizationCode], key.Direction, key.Period, context.CancellationToken);
        return new ListRecommendationsResponse { Recommendations = { list.Select(CycleMapper.ToContract) } };
    }

    /// <summary>The addressee organisation moves the status on.</summary>
    public override async Task<Recommendation> SetRecommendationStatus(SetRecommendationStatusRequest request, ServerCallContext context)
    {
        var recommendation = await RecommendationAsync(request.Id, r => r.OrganizationCode, context);
        var to = (Domain.Cycle.RecommendationStatus)request.Status;
        Refuse(RecommendationRules.CheckStatusChange(recommendation.Status, to));
        await SetStatusAsync(recommendation, to, "", context);
        await auditor.RecordAsync(context, "cycle.recommendation.status", recommendation.OrganizationCode,
            new { recommendation.Id, from = recommendation.Status.ToString(), to = to.ToString() });
        return CycleMapper.ToContract(recommendation with { Status = to });
    }

    /// <summary>The issuing organisation edits text, due date or addressee while the recommendation is issued.</summary>
    public override async Task<Recommendation> UpdateRecommendation(UpdateRecommendationRequest request, ServerCallContext context)
    {
        var recommendation = await RecommendationAsync(request.Id, r => r.IssuedBy.OrganizationCode, context);
        if (request.Addressee != Api.V1.Addressee.Unspecified)
        {
            CheckEnum<Domain.Cycle.Addressee>("addressee", (int)request.Addressee);
        }

        var edited = recommendation with
        {
            Subject = request.Subject.Length > 0 ? CheckedSubject("subject", request.Subject) : recommendation.Subject,
            DueDate = request.DueDate.Length > 0 ? DateArgument.Parse("due_date", request.DueDate) : recommendation.DueDate,
            Addressee = request.Addressee != Api.V1.Addressee.Unspecified ? (Domain.Cycle.Addressee)request.Addressee : recommendation.Addressee,
        };
        Refuse(RecommendationRules.CheckEdit(recommendation.Status));
        if (!await recommendations.EditAsync(edited, context.CancellationToken))
        {
            throw ChangedConcurrently();
        }

        await auditor.RecordAsync(context, "cycle.recommendation.edited", recommendation.OrganizationCode, new
        {
            recommendation.Id,
            before = new { recommendation.Subject, dueDate = CycleMapper.Date(recommendation.DueDate), addressee = recommendation.Addressee.ToString() },
            after = new { edited.Subject, dueDate = CycleMapper.Date(edited.DueDate), addressee = edited.Addressee.ToString() },
        });
        return CycleMapper.ToContract(edited);
    }

    /// <summary>The issuing organisation withdraws it with a reason; withdrawing again with the same reason is harmless.</summary>
    public override async Task<Recommendation> WithdrawRecommendation(WithdrawRecommendationRequest request, ServerCallContext context)
    {
        var recommendation = await RecommendationAsync(request.Id, r => r.IssuedBy.OrganizationCode, context);
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
        {
            throw InvalidInputException.Single("reason", request.Reason, "a reason of 1..1000 characters is required");
        }

        if (recommendation is { Status: Domain.Cycle.RecommendationStatus.Withdrawn } && recommendation.WithdrawalReason == request.Reason)
        {
            return CycleMapper.ToContract(recommendation);
        }

        Refuse(RecommendationRules.CheckWithdrawal(recommendation.Status));
        await SetStatusAsync(recommendation, Domain.Cycle.RecommendationStatus.Withdrawn, request.Reason, context);
        await auditor.RecordAsync(context, "cycle.recommendation.withdrawn", recommendation.OrganizationCode,
            new { recommendation.Id, from = recommendation.Status.ToString(), request.Reason });
        return CycleMapper.ToContract(recommendation with { Status = Domain.Cycle.RecommendationStatus.Withdrawn, WithdrawalReason = request.Reason });
    }

    public override async Task<Decision> CreateDecision(CreateDecisionRequest request, ServerCallContext context)
    {
        if (request.RequestId.Length is 0 or > 100)
        {
            throw InvalidInputException.Single("request_id", request.RequestId, "a request id of 1..100 characters is required");
        }

        var given = request.Decision ?? throw InvalidInputException.Single("decision", "", "decision is required");
        var key = await arguments.KeyAsync(given.Cycle, "decision.cycle", context.CancellationToken);
        var created = await decisions.CreateAsync(request.RequestId, await DecisionAsync(given, key, context.CancellationToken), context.CancellationToken);
        await auditor.RecordAsync(context, "cycle.decision.created", key.OrganizationCode,
            new { created.Id, direction = key.Direction, period = key.Period, type = created.Type.ToString(), created.Title });
        return CycleMapper.ToContract(created);
    }

    /// <summary>Replaces what a decision says while its period is open; the previous and the new versions are audited.</summary>
    public override async Task<Decision> AmendDecision(AmendDecisionRequest request, ServerCallContext context)
    {
        var given = request.Decision ?? throw InvalidInputException.Single("decision", "", "decision is required");
        var stored = await decisions.GetAsync(given.Id, context.CancellationToken)
            ?? throw InvalidInputException.Single("decision.id", given.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "no such decision");
        await scopes.EnsureWithinAsync(context.Principal(), new ScopeTarget([stored.Cycle.OrganizationCode], DateOnly.FromDateTime(DateTime.UtcNow)), context.CancellationToken);
        if (given.Cycle is { } cycle && !CycleMapper.ToContract(stored.Cycle).Equals(cycle))
        {
            throw InvalidInputException.Single("decision.cycle", $"{cycle.OrganizationCode}/{cycle.Direction}/{cycle.Period}", "a decision stays in the cycle it was taken in");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
        {
            throw InvalidInputException.Single("reason", request.Reason, "a reason of 1..1000 characters is required");
        }

        if ((await cycles.LoadAsync(stored.Cycle, context.CancellationToken))?.Stage == CycleStage.Closed)
        {
            Refuse(new Refusal(RefusalCode.CycleClosed,
                $"Управленческий цикл периода {stored.Cycle.Period} завершён: решения этого периода уже не изменяются."));
        }

        var amended = await decisions.AmendAsync(await DecisionAsync(given, stored.Cycle, context.CancellationToken) with { Id = stored.Id }, context.CancellationToken);
        await auditor.RecordAsync(context, "cycle.decision.amended", stored.Cycle.OrganizationCode, new
        {
            stored.Id,
            request.Reason,
            before = new { type = stored.Type.ToString(), stored.Title, date = CycleMapper.Date(stored.Date), stored.Answers, stored.Targets },
            after = new { type = amended.Type.ToString(), amended.Title, date = CycleMapper.Date(amended.Date), amended.Answers, amended.Targets },
        });
        return CycleMapper.ToContract(amended);
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
        var region = await arguments.RegionOfAsync(key.OrganizationCode, context.CancellationToken);
        var thresholds = await calendar.ThresholdsAsync(region, context.CancellationToken);
        var report = await EffectivenessAnalysis.AnalyzeAsync(key.Direction, key.Period, previous, targetValues, catalog, thresholds, context.CancellationToken);
        return new Api.V1.EffectivenessReport
        {
            Direction = report.Direction,
            Period = report.Period,
            Thresholds = ToContract(report.Thresholds, region),
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
                report.ByMonitoring.Select(p => new ProcedureOutcomes
                {
                    Monitoring = p.Key, Procedure = Enum.TryParse<ProcedureKind>(p.Key, out var procedure) ? (Procedure)procedure : Procedure.Unspecified,
                    Targets = { p.Value.Select(CycleMapper.ToContract) },
                }),
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
        await EnsureRegionAsync(request.Region, context.CancellationToken);

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

    public override async Task<Api.V1.EffectThresholds> GetEffectThresholds(GetEffectThresholdsRequest request, ServerCallContext context) =>
        ToContract(await calendar.ThresholdsAsync(request.Region, context.CancellationToken), request.Region);

    public override async Task<Api.V1.EffectThresholds> SetEffectThresholds(Api.V1.EffectThresholds request, ServerCallContext context)
    {
        await EnsureRegionAsync(request.Region, context.CancellationToken);
        var thresholds = new Domain.Cycle.EffectThresholds(request.Share, request.Score, request.Count);
        if (thresholds.Problem() is var (field, problem))
        {
            var value = field switch { "share" => thresholds.Share, "score" => thresholds.Score, _ => thresholds.Count };
            throw InvalidInputException.Single(field, value.ToString(System.Globalization.CultureInfo.InvariantCulture), problem);
        }

        await calendar.SetThresholdsAsync(request.Region, thresholds, context.CancellationToken);
        await auditor.RecordAsync(context, "cycle.thresholds.set", request.Region, new { thresholds.Share, thresholds.Score, thresholds.Count });
        return ToContract(thresholds, request.Region);
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
        await EnsureRegionAsync(request.Region, context.CancellationToken);

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

    private async Task EnsureRegionAsync(string region, CancellationToken cancellationToken)
    {
        if (await organizations.GetAsync(region, DateOnly.FromDateTime(DateTime.UtcNow), cancellationToken) is not { Level: OrganizationLevel.Region })
        {
            throw InvalidInputException.Single("region", region, "not a registered region");
        }
    }

    /// <summary>A recommendation by id, after checking the caller's scope over the organisation <paramref name="actor"/> names (issuer or addressee).</summary>
    private async Task<Domain.Cycle.Recommendation> RecommendationAsync(long id, Func<Domain.Cycle.Recommendation, string> actor, ServerCallContext context)
    {
        var recommendation = await recommendations.GetAsync(id, context.CancellationToken)
            ?? throw InvalidInputException.Single("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "no such recommendation");
        await scopes.EnsureWithinAsync(context.Principal(), new ScopeTarget([actor(recommendation)], DateOnly.FromDateTime(DateTime.UtcNow)), context.CancellationToken);
        return recommendation;
    }

    private async Task SetStatusAsync(Domain.Cycle.Recommendation recommendation, Domain.Cycle.RecommendationStatus to, string reason, ServerCallContext context)
    {
        if (!await recommendations.SetStatusAsync(recommendation.Id, recommendation.Status, to, reason, context.CancellationToken))
        {
            throw ChangedConcurrently();
        }
    }

    private static RpcException ChangedConcurrently() =>
        new(new Grpc.Core.Status(StatusCode.Aborted, "Рекомендация изменена другим пользователем; повторите запрос."));

    private static string CheckedSubject(string field, string subject) =>
        string.IsNullOrWhiteSpace(subject) || subject.Length > 2000
            ? throw InvalidInputException.Single(field, subject, "a subject of 1..2000 characters is required")
            : subject;

    /// <summary>A decision of a request in cycle <paramref name="key"/>: type, title, date, answers among the cycle's recommendations, targets.</summary>
    private async Task<ManagementDecision> DecisionAsync(Decision given, CycleKey key, CancellationToken cancellationToken)
    {
        CheckEnum<Domain.Cycle.DecisionType>("decision.type", (int)given.Type);
        if (string.IsNullOrWhiteSpace(given.Title) || given.Title.Length > 1000)
        {
            throw InvalidInputException.Single("decision.title", given.Title, "a title of 1..1000 characters is required");
        }

        var answerable = (await recommendations.ListAsync([key.OrganizationCode], key.Direction, key.Period, cancellationToken))
            .Where(r => r.Status != Domain.Cycle.RecommendationStatus.Withdrawn).Select(r => r.Id).ToHashSet();
        if (given.Answers.FirstOrDefault(id => !answerable.Contains(id)) is var unknown and not 0)
        {
            throw InvalidInputException.Single("decision.answers", unknown.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "not a recommendation in force issued by or addressed to this organisation in this direction and period");
        }

        var targets = given.Targets.Select((target, index) => CycleMapper.ToDomain(target, index, catalog)).ToList();
        return new ManagementDecision(0, key, (Domain.Cycle.DecisionType)given.Type, given.Title, DateArgument.Parse("decision.date", given.Date), given.Answers.ToList(), targets);
    }

    private static Api.V1.EffectThresholds ToContract(Domain.Cycle.EffectThresholds thresholds, string region) =>
        new() { Region = region, Share = thresholds.Share, Score = thresholds.Score, Count = thresholds.Count };

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
