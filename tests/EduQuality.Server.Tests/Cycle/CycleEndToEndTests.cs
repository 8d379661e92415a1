using System.Net.Http.Json;
using System.Text.Json;
using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using EduQuality.Server.Tests.Security;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace EduQuality.Server.Tests.Cycle;

/// <summary>
/// A municipality (M1) and two of its schools (S11, S12) of the small region run the R1 cycle through two periods
/// over the real server: stages with evidence, criteria, a recommendation from the region, decisions with targets (a
/// summary metric and a catalogue indicator), and the effectiveness of period 2025's decisions computed in 2026 from
/// ВПР results ingested for both years, under the default thresholds and under the region's own.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CycleEndToEndTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly CycleStage[] Stages =
        [CycleStage.Goals, CycleStage.Indicators, CycleStage.Monitoring, CycleStage.Analysis, CycleStage.Measures, CycleStage.Effectiveness];

    private RunningServer _server = null!;
    private CycleClient _cycle = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("cycle"));
        _cycle = new CycleClient(_server);
        await SmallRegion.RegisterAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>ВПР mathematics, grade 5: one row per mark given.</summary>
    private async Task IngestVprAsync(int year, string school, params int[] marks)
    {
        var rows = marks.Select((mark, i) => SmallRegion.Vpr($"{school}-{year}-{i}", school, "5А", mark * 4, mark, mark)).ToArray();
        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch($"vpr-{year}-{school}", Procedure.Vpr, year, rows));
    }

    private static TargetIndicator ShareOfTwos(double baseline, double target) =>
        new() { Metric = IndicatorMetric.ShareMark2, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5, Baseline = baseline, Target = target };

    [Fact]
    public async Task Municipality_and_two_schools_through_two_periods()
    {
        // Period 2025 results: S11 marks 2,2,3,4 (share of «2» 0.5); S12 marks 3,4,5,5 (0). M1 pools them: 2 of 8 = 0.25.
        await IngestVprAsync(2025, "S11", 2, 2, 3, 4);
        await IngestVprAsync(2025, "S12", 3, 4, 5, 5);
        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2025-S11", Procedure.Ege, 2025, SmallRegion.Ege("e1-2025", "S11", 40), SmallRegion.Ege("e2-2025", "S11", 60)));
        await SmallRegion.SettleAsync(_server, "R1", 2025);

        // The region's analysis addresses a recommendation to the municipal authority of M1: input to M1's cycle.
        var fromRegion = await _cycle.Service.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            RequestId = "r1-2025-m1",
            Recommendation = new Recommendation
            {
                IssuedBy = CycleClient.Ref("R1", 2025), OrganizationCode = "M1", Source = RecommendationSource.Analysis,
                Addressee = Addressee.MunicipalAuthority, Subject = "Организовать адресную помощь школам с долей «2» по ВПР выше 30 %", DueDate = "2025-06-30",
            },
        });

        var m1 = CycleClient.Ref("M1", 2025);
        var s11 = CycleClient.Ref("S11", 2025);
        var s12 = CycleClient.Ref("S12", 2025);
        foreach (var stage in Stages[..4])
        {
            await _cycle.StageAsync(m1, stage);
            await _cycle.StageAsync(s11, stage);
            await _cycle.StageAsync(s12, stage);
        }

        // M1's analysis answers the region with a recommendation to S11's head.
        var toSchool = await _cycle.Service.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            RequestId = "m1-2025-s11",
            Recommendation = new Recommendation
            {
                IssuedBy = m1, OrganizationCode = "S11", Source = RecommendationSource.Manual, Addressee = Addressee.SchoolHead,
                Subject = "Направить учителей математики 5-х классов на курсы повышения квалификации", DueDate = "2025-08-31",
            },
        });
        Assert.Equal([fromRegion.Id, toSchool.Id],
            (await _cycle.Service.ListRecommendationsAsync(new ListRecommendationsRequest { OrganizationCode = "M1", Direction = "R1", Period = 2025 }))
                .Recommendations.Select(r => r.Id));

        // The same create retried is harmless.
        var retried = await _cycle.Service.CreateRecommendationAsync(new CreateRecommendationRequest { RequestId = "m1-2025-s11", Recommendation = new Recommendation(toSchool) { Subject = "другое" } });
        Assert.Equal(toSchool, retried);

        foreach (var status in new[] { RecommendationStatus.Accepted, RecommendationStatus.InProgress })
        {
            Assert.Equal(status, (await _cycle.Service.SetRecommendationStatusAsync(new SetRecommendationStatusRequest { Id = toSchool.Id, Status = status })).Status);
        }

        var skip = await Assert.ThrowsAsync<RpcException>(() =>
            _cycle.Service.SetRecommendationStatusAsync(new SetRecommendationStatusRequest { Id = toSchool.Id, Status = RecommendationStatus.EffectEvaluated }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, skip.StatusCode);
        Assert.Contains("«выполняется» на «эффект оценён»", skip.Status.Detail, StringComparison.Ordinal);

        // Decisions with targets on the share of «2» (ВПР, mathematics, grade 5), baselines from the 2025 results.
        await _cycle.StageAsync(m1, CycleStage.Measures);
        await _cycle.StageAsync(s11, CycleStage.Measures);
        await _cycle.StageAsync(s12, CycleStage.Measures);
        var m1Decision = await CreateDecisionAsync(m1, DecisionType.MethodicalEvents, [fromRegion.Id], ShareOfTwos(0.25, 0.2));
        // S11 also targets the catalogue's R1-S1 (mean ГИА score, ОГЭ and ЕГЭ pooled): ЕГЭ 40 and 60 = 50 in 2025.
        var r1s1 = new TargetIndicator { Metric = IndicatorMetric.CatalogueIndicator, IndicatorCode = "R1-S1", Baseline = 50, Target = 60 };
        var s11Decision = await CreateDecisionAsync(s11, DecisionType.TeacherTraining, [toSchool.Id], ShareOfTwos(0.5, 0.3), r1s1);
        var s12Decision = await CreateDecisionAsync(s12, DecisionType.MethodicalEvents, [], ShareOfTwos(0, 0));
        await _cycle.AddAsync(s12, CycleStage.Indicators, EvidenceType.NegativeIndicator, "Рейтинг классов по среднему баллу ВПР");

        // S12 stops at effectiveness analysis without its report; M1 and S11 complete the period and loop into 2026.
        await _cycle.MoveAsync(s12, CycleStage.Effectiveness);
        await _cycle.StageAsync(m1, CycleStage.Effectiveness);
        await _cycle.StageAsync(s11, CycleStage.Effectiveness);
        var loop = await _cycle.Service.TransitionAsync(new TransitionRequest { Cycle = s11, To = CycleStage.Goals });
        var loopRetried = await _cycle.Service.TransitionAsync(new TransitionRequest { Cycle = s11, To = CycleStage.Goals });
        Assert.Equal(loop.Instance.History, loopRetried.Instance.History);
        Assert.Equal(CycleStage.Closed, loop.Instance.Stage);
        Assert.True(loop.Instance.CycleComplete);
        Assert.Equal(CycleStage.Goals, loop.Opened.Stage);
        Assert.Equal(2026, loop.Opened.Cycle.Period);
        Assert.Equal(CycleStage.Goals, (await _cycle.Service.TransitionAsync(new TransitionRequest { Cycle = m1, To = CycleStage.Goals })).Opened.Stage);
        var closed = await Assert.ThrowsAsync<RpcException>(() => _cycle.Service.AmendDecisionAsync(new AmendDecisionRequest
        {
            Decision = new Decision(m1Decision) { Title = "Другое" }, Reason = "уточнение",
        }).ResponseAsync);
        Assert.Equal("CYCLE_CLOSED", Reason(closed));

        // Criteria (003, school column): S11 meets rows 1, 7–9, 11–16 = 10 of 14; S12 the same with the row-10
        // class rating counting against: 9. M1 rolls up one complete cycle of two schools.
        var s11Maturity = await _cycle.Service.GetMaturityAsync(s11);
        Assert.Equal((10, 0, 10), (s11Maturity.PositiveMet, s11Maturity.NegativePresent, s11Maturity.Score));
        Assert.Equal(10 / 14.0, s11Maturity.MaturityShare, 10);
        Assert.True(s11Maturity.Criteria.Single(c => c.Code == "R1.11").ByData);
        var s12Maturity = await _cycle.Service.GetMaturityAsync(s12);
        Assert.Equal((10, 1, 9), (s12Maturity.PositiveMet, s12Maturity.NegativePresent, s12Maturity.Score));
        var rollup = await _cycle.Service.GetRollupAsync(new RollupRequest { OrganizationCode = "M1", Direction = "R1", Period = 2025 });
        Assert.Equal((2, 2, 1, 0.5), (rollup.Children, rollup.Started, rollup.Complete, rollup.ShareComplete));
        Assert.Equal((10 + 9) / 28.0, rollup.MeanMaturity, 10);

        // Period 2026 results: S11 marks 2,3,4,4 (0.25: down 25 points, target 0.3 reached); S12 marks 2,4,5,5
        // (0.25: up from 0); M1 pools 2 of 8 = 0.25, unchanged.
        await IngestVprAsync(2026, "S11", 2, 3, 4, 4);
        await IngestVprAsync(2026, "S12", 2, 4, 5, 5);
        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2026-S11", Procedure.Ege, 2026, SmallRegion.Ege("e1-2026", "S11", 70), SmallRegion.Ege("e2-2026", "S11", 60)));
        await SmallRegion.SettleAsync(_server, "R1", 2026);

        var report = await _cycle.Service.GetEffectivenessReportAsync(new EffectivenessRequest { OrganizationCode = "M1", Direction = "R1", Period = 2026 });
        Assert.Equal([m1Decision.Id, s11Decision.Id, s12Decision.Id], report.Decisions.Select(d => d.Decision.Id));
        var s11Target = report.Decisions[1].Targets[0];
        Assert.Equal((0.5, 0.25, -0.25, true, true), (s11Target.Previous, s11Target.Current, s11Target.Change, s11Target.Improved, s11Target.Reached));
        // R1-S1 at S11: 50 → (70 + 60) / 2 = 65, judged in points (minimum 0.5), higher is better.
        var s11Mean = report.Decisions[1].Targets[1];
        Assert.Equal((50.0, 65.0, 15.0, true, true), (s11Mean.Previous, s11Mean.Current, s11Mean.Change, s11Mean.Improved, s11Mean.Reached));
        Assert.Equal((true, 0.5, "Oge+Ege"), (s11Mean.HigherIsBetter, s11Mean.MinimumChange, s11Mean.Monitoring));
        Assert.Equal((0.01, 0.5, 1.0), (report.Thresholds.Share, report.Thresholds.Score, report.Thresholds.Count));
        Assert.Equal((0.0, 0.25), (report.Decisions[2].Targets[0].Previous, report.Decisions[2].Targets[0].Current));
        Assert.Equal((0.25, 0.25), (report.Decisions[0].Targets[0].Previous, report.Decisions[0].Targets[0].Current));
        Assert.Equal([m1Decision.Id, s12Decision.Id], report.WithoutEffect);
        Assert.Equal([("Oge+Ege", Procedure.Unspecified, 1), ("Vpr", Procedure.Vpr, 3)],
            report.ByProcedure.Select(p => (p.Monitoring, p.Procedure, p.Targets.Count)));

        // The region asks for 30 points of a share and 20 of a score before an effect counts: S11's 25-point fall of
        // the share of «2» and 15-point rise of the mean ГИА score no longer do.
        await _cycle.Service.SetEffectThresholdsAsync(new EffectThresholds { Region = "R1", Share = 0.30, Score = 20, Count = 1 });
        var strict = await _cycle.Service.GetEffectivenessReportAsync(new EffectivenessRequest { OrganizationCode = "M1", Direction = "R1", Period = 2026 });
        Assert.Equal([m1Decision.Id, s11Decision.Id, s12Decision.Id], strict.WithoutEffect);
        Assert.Equal((0.30, 20.0), (strict.Decisions[1].Targets[0].MinimumChange, strict.Decisions[1].Targets[1].MinimumChange));
        var badThreshold = await Assert.ThrowsAsync<RpcException>(() =>
            _cycle.Service.SetEffectThresholdsAsync(new EffectThresholds { Region = "R1", Share = 0, Score = 0.5, Count = 1 }).ResponseAsync);
        Assert.Equal("share", Detail<BadRequest>(badThreshold).FieldViolations.Single().Field);

        // The new period's cycle is served over JSON too.
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };
        http.DefaultRequestHeaders.Add("x-api-key", RunningServer.AdministratorKey);
        var json = await http.GetFromJsonAsync<JsonElement>("/v1/cycles/S11/R1/2026");
        Assert.Equal("CYCLE_STAGE_GOALS", json.GetProperty("stage").GetString());
        Assert.Equal(0.3, (await http.GetFromJsonAsync<JsonElement>("/v1/effect-thresholds/R1")).GetProperty("share").GetDouble());
    }

    [Fact]
    public async Task Refusals_carry_a_stable_code_and_a_russian_message()
    {
        var s11 = CycleClient.Ref("S11", 2025);
        await _cycle.MoveAsync(s11, CycleStage.Goals);

        var incomplete = await Assert.ThrowsAsync<RpcException>(() => _cycle.MoveAsync(s11, CycleStage.Indicators));
        var skip = await Assert.ThrowsAsync<RpcException>(() => _cycle.MoveAsync(s11, CycleStage.Analysis));

        Assert.Equal(StatusCode.FailedPrecondition, incomplete.StatusCode);
        Assert.Equal("CYCLE_STAGE_INCOMPLETE", Reason(incomplete));
        Assert.StartsWith("Стадия «определение целей» не завершена", incomplete.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("CYCLE_FORBIDDEN_TRANSITION", Reason(skip));
        Assert.Contains("возможные переходы: «определение показателей и методов сбора информации»", skip.Status.Detail, StringComparison.Ordinal);

        // Over JSON the refusal is HTTP 400 with the gRPC code and the Russian message.
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };
        http.DefaultRequestHeaders.Add("x-api-key", RunningServer.AdministratorKey);
        using var response = await http.PostAsync("/v1/cycles:transition", new StringContent(
            """{"cycle":{"organization_code":"S11","direction":"R1","period":2025},"to":"CYCLE_STAGE_ANALYSIS"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((int)StatusCode.FailedPrecondition, body.GetProperty("code").GetInt32());
        Assert.Equal(skip.Status.Detail, body.GetProperty("message").GetString());
        Assert.Equal("CYCLE_FORBIDDEN_TRANSITION", body.GetProperty("details")[0].GetProperty("reason").GetString());

        // Retried with the stage the caller saw, a transition already made is harmless.
        await _cycle.AddAsync(s11, CycleStage.Goals, EvidenceType.ActionPlan, "Дорожная карта");
        var request = new TransitionRequest { Cycle = s11, To = CycleStage.Indicators, ExpectedFrom = CycleStage.Goals };
        await _cycle.Service.TransitionAsync(request);
        var again = await _cycle.Service.TransitionAsync(request);
        Assert.Equal(2, again.Instance.History.Count);

        // Retried without expected_from too: the cycle is already where the call asks it to go.
        var withoutExpected = await _cycle.Service.TransitionAsync(new TransitionRequest { Cycle = s11, To = CycleStage.Indicators });
        Assert.Equal((CycleStage.Indicators, 2), (withoutExpected.Instance.Stage, withoutExpected.Instance.History.Count));
    }

    [Fact]
    public async Task Recommendations_are_edited_while_issued_withdrawn_with_a_reason_and_decisions_amended_all_audited()
    {
        var recommendation = await _cycle.Service.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            RequestId = "r1-to-m1",
            Recommendation = new Recommendation
            {
                IssuedBy = CycleClient.Ref("R1", 2025), OrganizationCode = "M1", Source = RecommendationSource.Manual, Addressee = Addressee.SchoolHead,
                Subject = "Провести семинар", DueDate = "2025-05-31",
            },
        });

        // The region edits subject and addressee over JSON (PATCH); the due date, not sent, stays as it was.
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };
        http.DefaultRequestHeaders.Add("x-api-key", RunningServer.AdministratorKey);
        using var patched = await http.PatchAsync($"/v1/recommendations/{recommendation.Id}", new StringContent(
            """{"subject":"Провести семинар для руководителей школ","addressee":"ADDRESSEE_MUNICIPAL_AUTHORITY"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, patched.StatusCode);
        var edited = (await _cycle.Service.ListRecommendationsAsync(new ListRecommendationsRequest { OrganizationCode = "M1", Direction = "R1", Period = 2025 })).Recommendations.Single();
        Assert.Equal(("Провести семинар для руководителей школ", "2025-05-31", Addressee.MunicipalAuthority), (edited.Subject, edited.DueDate, edited.Addressee));
        Assert.Equal("ADDRESSEE_MUNICIPAL_AUTHORITY", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("addressee").GetString());
        var reserved = await Assert.ThrowsAsync<RpcException>(() => _cycle.Service.CreateRecommendationAsync(new CreateRecommendationRequest
        {
            RequestId = "analysis:A1-SCHOOL:2025:S11", Recommendation = new Recommendation(recommendation),
        }).ResponseAsync);
        Assert.Equal("request_id", Detail<BadRequest>(reserved).FieldViolations.Single().Field);

        // M1's analyst may move its status (the addressee) but not withdraw the region's recommendation (the issuer).
        using var analystChannel = _server.ChannelWith(await Keys.IssueAsync(_server, Role.MunicipalityAnalyst, "M1"));
        var analyst = new CycleService.CycleServiceClient(analystChannel);
        await analyst.SetRecommendationStatusAsync(new SetRecommendationStatusRequest { Id = recommendation.Id, Status = RecommendationStatus.Accepted });
        var notIssuer = await Assert.ThrowsAsync<RpcException>(() =>
            analyst.WithdrawRecommendationAsync(new WithdrawRecommendationRequest { Id = recommendation.Id, Reason = "не нужно" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, notIssuer.StatusCode);

        // Accepted: no more edits; withdrawal with a reason, harmless when retried, final.
        var notEditable = await Assert.ThrowsAsync<RpcException>(() =>
            _cycle.Service.UpdateRecommendationAsync(new UpdateRecommendationRequest { Id = recommendation.Id, DueDate = "2025-06-30" }).ResponseAsync);
        Assert.Equal("RECOMMENDATION_NOT_EDITABLE", Reason(notEditable));
        Assert.Contains("текущий статус: «принята»", notEditable.Status.Detail, StringComparison.Ordinal);
        var m1 = CycleClient.Ref("M1", 2025);
        Assert.True((await _cycle.Service.GetMaturityAsync(m1)).Criteria.Single(c => c.Code == "R1.15").ByData);
        var withdraw = new WithdrawRecommendationRequest { Id = recommendation.Id, Reason = "Семинар проведён региональным институтом" };
        var withdrawn = await _cycle.Service.WithdrawRecommendationAsync(withdraw);
        Assert.Equal((RecommendationStatus.Withdrawn, withdraw.Reason), (withdrawn.Status, withdrawn.WithdrawalReason));
        Assert.Equal(withdrawn, await _cycle.Service.WithdrawRecommendationAsync(withdraw));
        var afterWithdrawal = await Assert.ThrowsAsync<RpcException>(() =>
            _cycle.Service.SetRecommendationStatusAsync(new SetRecommendationStatusRequest { Id = recommendation.Id, Status = RecommendationStatus.InProgress }).ResponseAsync);
        Assert.Equal("RECOMMENDATION_FORBIDDEN_STATUS_CHANGE", Reason(afterWithdrawal));

        // A withdrawn recommendation no longer counts as present (003 row 15) nor can a decision answer it.
        Assert.False((await _cycle.Service.GetMaturityAsync(m1)).Criteria.Single(c => c.Code == "R1.15").ByData);
        var answersWithdrawn = await Assert.ThrowsAsync<RpcException>(() => CreateDecisionAsync(m1, DecisionType.MethodicalEvents, [recommendation.Id], ShareOfTwos(0.25, 0.2)));
        var answerViolation = Detail<BadRequest>(answersWithdrawn).FieldViolations.Single();
        Assert.Equal("decision.answers", answerViolation.Field);
        Assert.Contains("not a recommendation in force", answerViolation.Description, StringComparison.Ordinal);

        // A decision is amended with a reason: retitled, retyped and given a catalogue target besides its summary one; a
        // target on an indicator with negative consequences is refused.
        var decision = await CreateDecisionAsync(m1, DecisionType.MethodicalEvents, [], ShareOfTwos(0.25, 0.2));
        var amended = await _cycle.Service.AmendDecisionAsync(new AmendDecisionRequest
        {
            Decision = new Decision(decision)
            {
                Title = "Методические семинары по результатам ВПР", Type = DecisionType.TeacherTraining, Cycle = null,
                Targets = { new TargetIndicator { Metric = IndicatorMetric.CatalogueIndicator, IndicatorCode = "R1-S1", Baseline = 60, Target = 62 } },
            },
            Reason = "уточнены показатели",
        });
        Assert.Equal(("Методические семинары по результатам ВПР", DecisionType.TeacherTraining, 2, "R1-S1"),
            (amended.Title, amended.Type, amended.Targets.Count, amended.Targets[1].IndicatorCode));
        Assert.Equal(amended, (await _cycle.Service.ListDecisionsAsync(m1)).Decisions.Single());
        var negative = await Assert.ThrowsAsync<RpcException>(() => _cycle.Service.AmendDecisionAsync(new AmendDecisionRequest
        {
            Decision = new Decision(decision) { Targets = { new TargetIndicator { Metric = IndicatorMetric.CatalogueIndicator, IndicatorCode = "NEG-1", Baseline = 4, Target = 4.2 } } },
            Reason = "рейтинг",
        }).ResponseAsync);
        var violation = Detail<BadRequest>(negative).FieldViolations.Single();
        Assert.Equal("decision.targets[1].indicator_code", violation.Field);
        Assert.Contains("negative consequences", violation.Description, StringComparison.Ordinal);

        var audit = await new AdminService.AdminServiceClient(_server.Channel).ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationCode = "M1" });
        Assert.Equal(["cycle.decision.amended", "cycle.decision.created", "cycle.recommendation.created", "cycle.recommendation.edited",
                "cycle.recommendation.status", "cycle.recommendation.withdrawn"],
            audit.Events.Select(e => e.Action).Where(a => a.StartsWith("cycle.", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal));
        Assert.Single(audit.Events, e => e.Action == "cycle.recommendation.withdrawn");
    }

    [Fact]
    public async Task Evidence_url_must_be_absolute_http_or_https()
    {
        var s11 = CycleClient.Ref("S11", 2025);
        await _cycle.MoveAsync(s11, CycleStage.Goals);

        var error = await Assert.ThrowsAsync<RpcException>(() => _cycle.Service.AddEvidenceAsync(new AddEvidenceRequest
        {
            Cycle = s11,
            Evidence = new Evidence { Stage = CycleStage.Goals, Type = EvidenceType.ConceptDocument, Title = "Положение", Date = "2024-09-01", Url = "/docs/polozhenie.pdf" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(Detail<BadRequest>(error).FieldViolations);
        Assert.Equal("evidence.url", violation.Field);
        Assert.Contains("'/docs/polozhenie.pdf'", violation.Description, StringComparison.Ordinal);
        Assert.Empty((await _cycle.Service.GetInstanceAsync(s11)).Evidence);
    }

    [Fact]
    public async Task Region_adds_a_local_direction_and_sets_its_calendar()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _cycle.MoveAsync(CycleClient.Ref("S11", 2025, "NOR-1"), CycleStage.Goals));
        Assert.Equal("cycle.direction", Detail<BadRequest>(unknown).FieldViolations.Single().Field);

        var local = new Direction { Code = "NOR-1", NameRu = "Программа повышения качества образования в школах целевой группы" };
        await _cycle.Service.AddDirectionAsync(new AddDirectionRequest { Region = "R1", Direction = local });
        await _cycle.Service.AddDirectionAsync(new AddDirectionRequest { Region = "R1", Direction = local });
        var federalClash = await Assert.ThrowsAsync<RpcException>(() =>
            _cycle.Service.AddDirectionAsync(new AddDirectionRequest { Region = "R1", Direction = new Direction { Code = "R2", NameRu = "Другое" } }).ResponseAsync);
        var directions = await _cycle.Service.ListDirectionsAsync(new ListDirectionsRequest { Region = "R1" });

        Assert.Equal(StatusCode.InvalidArgument, federalClash.StatusCode);
        Assert.Equal(["R1", "R2", "R3", "R4", "A1", "A2", "A3", "A4", "A5", "NOR-1"], directions.Directions.Select(d => d.Code));
        Assert.False(directions.Directions[^1].Federal);
        Assert.Equal(CycleStage.Goals, (await _cycle.MoveAsync(CycleClient.Ref("S11", 2025, "NOR-1"), CycleStage.Goals)).Stage);

        // Norilsk-like monitoring cadences: due dates of the 2025 period from October 2024 to June 2025.
        await _cycle.Service.SetScheduleAsync(new Schedule
        {
            Region = "R1",
            Entries =
            {
                new ScheduleEntry { Stage = CycleStage.Monitoring, Label = "мониторинг сайтов", Months = { 10, 2, 6 }, Day = 15 },
                new ScheduleEntry { Stage = CycleStage.Analysis, Label = "аналитическая справка", Months = { 12 }, Day = 31 },
            },
        });
        var schedule = await _cycle.Service.GetScheduleAsync(new GetScheduleRequest { Region = "R1", Period = 2025 });
        Assert.Equal(["2024-10-15 Monitoring", "2024-12-31 Analysis", "2025-02-15 Monitoring", "2025-06-15 Monitoring"],
            schedule.DueDates.Select(d => $"{d.Date} {d.Stage}"));
        var badMonth = await Assert.ThrowsAsync<RpcException>(() => _cycle.Service.SetScheduleAsync(new Schedule
        {
            Region = "R1", Entries = { new ScheduleEntry { Stage = CycleStage.Monitoring, Label = "m", Months = { 13 }, Day = 1 } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badMonth.StatusCode);
    }

    [Fact]
    public async Task Municipality_analyst_runs_cycles_in_its_municipality_and_a_read_only_key_none()
    {
        using var analystChannel = _server.ChannelWith(await Keys.IssueAsync(_server, Role.MunicipalityAnalyst, "M1"));
        using var readerChannel = _server.ChannelWith(await Keys.IssueAsync(_server, Role.ReadOnly, "R1"));
        var analyst = new CycleService.CycleServiceClient(analystChannel);
        var reader = new CycleService.CycleServiceClient(readerChannel);

        await analyst.TransitionAsync(new TransitionRequest { Cycle = CycleClient.Ref("S11", 2025), To = CycleStage.Goals });
        var otherMunicipality = await Assert.ThrowsAsync<RpcException>(() =>
            analyst.TransitionAsync(new TransitionRequest { Cycle = CycleClient.Ref("S21", 2025), To = CycleStage.Goals }).ResponseAsync);
        var readOnly = await Assert.ThrowsAsync<RpcException>(() =>
            reader.TransitionAsync(new TransitionRequest { Cycle = CycleClient.Ref("S12", 2025), To = CycleStage.Goals }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, otherMunicipality.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, readOnly.StatusCode);
        Assert.Equal(CycleStage.Goals, (await reader.GetInstanceAsync(CycleClient.Ref("S11", 2025))).Stage);
    }

    [Fact]
    public async Task School_operator_runs_its_own_cycle_only()
    {
        var operatorKey = await Keys.IssueAsync(_server, Role.SchoolOperator, "S12");
        using var channel = _server.ChannelWith(operatorKey);
        var asOperator = new CycleService.CycleServiceClient(channel);

        await asOperator.TransitionAsync(new TransitionRequest { Cycle = CycleClient.Ref("S12", 2025), To = CycleStage.Goals });
        var other = await Assert.ThrowsAsync<RpcException>(() =>
            asOperator.TransitionAsync(new TransitionRequest { Cycle = CycleClient.Ref("S11", 2025), To = CycleStage.Goals }).ResponseAsync);
        var schedule = await Assert.ThrowsAsync<RpcException>(() => asOperator.SetScheduleAsync(new Schedule { Region = "R1" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, schedule.StatusCode);
        var audit = await new AdminService.AdminServiceClient(_server.Channel).ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationCode = "S12" });
        Assert.Contains(audit.Events, e => e.Action == "cycle.transition");
    }

    private async Task<Decision> CreateDecisionAsync(CycleRef cycle, DecisionType type, long[] answers, params TargetIndicator[] targets) =>
        await _cycle.Service.CreateDecisionAsync(new CreateDecisionRequest
        {
            RequestId = $"{cycle.OrganizationCode}-{cycle.Period}-decision",
            Decision = new Decision { Cycle = cycle, Type = type, Title = "Решение по результатам анализа ВПР", Date = "2025-06-15", Answers = { answers }, Targets = { targets } },
        });

    private static string Reason(RpcException error) => Detail<ErrorInfo>(error).Reason;

    private static T Detail<T>(RpcException error)
        where T : Google.Protobuf.IMessage<T>, new() =>
        Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes("grpc-status-details-bin")).Details.Single().Unpack<T>();
}
