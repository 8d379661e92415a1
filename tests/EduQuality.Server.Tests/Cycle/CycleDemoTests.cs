using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.Server.Tests.Cycle;

/// <summary>
/// The cycle on demo data: the region's analysis recommendations of 2025 are imported into the cycles of their
/// addressees exactly as AnalysisService serves them; the first municipality of the scaled-down demo region and two of
/// its schools run R2 through 2024 and 2025; the effectiveness of their 2024 decisions is computed from the demo's ВПР
/// results of both years and must equal the change of the same summaries as the query service serves them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CycleDemoTests(PostgresFixture postgres)
{
    private static readonly CycleStage[] Stages =
        [CycleStage.Goals, CycleStage.Indicators, CycleStage.Monitoring, CycleStage.Analysis, CycleStage.Measures, CycleStage.Effectiveness];

    [Fact]
    public async Task Demo_municipality_and_two_schools_through_two_periods()
    {
        var demo = DemoData.Small();
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("cycle_demo"));
        await DemoData.LoadAsync(server, demo);
        await DemoData.SettleAsync(server, demo);
        var cycle = new CycleClient(server);
        var municipality = (await server.Organizations.ListChildrenAsync(new ListChildrenRequest { Code = DemoRegion.RegionCode })).Children[0].Code;
        var schools = (await server.Organizations.ListChildrenAsync(new ListChildrenRequest { Code = municipality })).Children.Select(o => o.Code).ToList();
        string[] members = [municipality, schools[0], schools[1]];

        await ImportedRecommendationsAreTheAnalysisOwnAsync(server, cycle, municipality);

        var decisions = new List<(string Code, long Id, double Baseline)>();
        foreach (var code in members)
        {
            var cycleRef = CycleClient.Ref(code, 2024, "R2");
            foreach (var stage in Stages[..5])
            {
                await cycle.StageAsync(cycleRef, stage);
            }

            var baseline = await ShareOfTwosAsync(server, code, 2024);
            var decision = await cycle.Service.CreateDecisionAsync(new CreateDecisionRequest
            {
                RequestId = $"{code}-2024",
                Decision = new Decision
                {
                    Cycle = cycleRef, Type = DecisionType.SupportProgramme, Title = "Программа поддержки по результатам ВПР", Date = "2024-06-20",
                    Targets = { new TargetIndicator { Metric = IndicatorMetric.ShareMark2, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5, Baseline = baseline, Target = baseline / 2 } },
                },
            });
            decisions.Add((code, decision.Id, baseline));
            await cycle.StageAsync(cycleRef, CycleStage.Effectiveness);
            var loop = await cycle.Service.TransitionAsync(new TransitionRequest { Cycle = cycleRef, To = CycleStage.Goals });
            Assert.True(loop.Instance.CycleComplete);
            Assert.Equal((2025, CycleStage.Goals), (loop.Opened.Cycle.Period, loop.Opened.Stage));
        }

        // R2 criteria of 001 met by the documents each stage requires: 1.1 and 1.2 (the concept document of the goals),
        // 2.1 (indicator list), 3.1 (monitoring order, and the demo's results), 4.6 (address recommendations),
        // 4.7 (decision) = 6 of 7; 1.3 needs a support programme (action plan).
        var maturity = await cycle.Service.GetMaturityAsync(CycleClient.Ref(schools[0], 2024, "R2"));
        Assert.Equal(["R2.1.1", "R2.1.2", "R2.2.1", "R2.3.1", "R2.4.6", "R2.4.7"], maturity.Criteria.Where(c => c.Met).Select(c => c.Code));
        Assert.Equal(6 / 7.0, maturity.MaturityShare, 10);
        var rollup = await cycle.Service.GetRollupAsync(new RollupRequest { OrganizationCode = municipality, Direction = "R2", Period = 2024 });
        Assert.Equal((schools.Count, 2), (rollup.Children, rollup.Complete));
        Assert.Equal(2.0 / schools.Count, rollup.ShareComplete, 10);

        var report = await cycle.Service.GetEffectivenessReportAsync(new EffectivenessRequest { OrganizationCode = municipality, Direction = "R2", Period = 2025 });
        Assert.Equal(decisions.Select(d => d.Id), report.Decisions.Select(d => d.Decision.Id));
        foreach (var (effect, decision) in report.Decisions.Zip(decisions))
        {
            var target = effect.Targets.Single();
            var current = await ShareOfTwosAsync(server, decision.Code, 2025);
            Assert.Equal((decision.Baseline, current), (target.Previous, target.Current));
            Assert.Equal(current - decision.Baseline <= -0.01, effect.Measurable);
        }

        Assert.Equal(report.Decisions.Where(d => !d.Measurable).Select(d => d.Decision.Id), report.WithoutEffect);
    }

    private static async Task ImportedRecommendationsAreTheAnalysisOwnAsync(RunningServer server, CycleClient cycle, string municipality)
    {
        var served = (await new AnalysisService.AnalysisServiceClient(server.Channel)
            .ListRecommendationsAsync(new AnalysisRequest { OrganizationCode = DemoRegion.RegionCode, Year = 2025 })).Recommendations;
        var importedAll = new List<Recommendation>();
        foreach (var direction in new[] { "A1", "R2" })
        {
            var analysis = served.Where(r => r.Direction == direction).ToList();

            // Imported from the municipality first (its subtree only), then from the region (everything, the
            // municipality's ones again without duplicates), due by the annual calendar's measures stage.
            var fromMunicipality = await ImportAsync(cycle, municipality, direction);
            var imported = await ImportAsync(cycle, DemoRegion.RegionCode, direction);
            Assert.Equal(analysis.Select(r => r.Id), imported.Select(r => r.AnalysisId));
            Assert.Equal(analysis.Where(r => r.OrganizationCode.StartsWith(municipality, StringComparison.Ordinal)).Select(r => r.Id), fromMunicipality.Select(r => r.AnalysisId));
            Assert.All(fromMunicipality, r => Assert.Equal(r, imported.Single(i => i.Id == r.Id)));
            foreach (var (found, stored) in analysis.Zip(imported))
            {
                Assert.Equal((found.OrganizationCode, found.TextRu, RecommendationSource.Analysis, "2025-07-31"), (stored.OrganizationCode, stored.Subject, stored.Source, stored.DueDate));
                Assert.Equal((DemoRegion.RegionCode, direction, 2025), (stored.IssuedBy.OrganizationCode, stored.IssuedBy.Direction, stored.IssuedBy.Period));
                Assert.Equal(found.Trace, stored.Trace);
            }

            Assert.Equal(analysis.Count(r => r.Addressee == "Teachers"), imported.Count(r => r.Addressee == Addressee.Teachers));
            Assert.Equal(analysis.Count(r => r.Addressee == "Region"), imported.Count(r => r.Addressee == Addressee.Ministry));
            importedAll.AddRange(imported);
        }

        Assert.NotEmpty(importedAll);

        // The addressee sees its own in its cycle; an edit by the region survives importing again.
        var edited = importedAll.OrderBy(r => r.OrganizationCode == DemoRegion.RegionCode).First();
        var listed = await cycle.Service.ListRecommendationsAsync(new ListRecommendationsRequest
        {
            OrganizationCode = edited.OrganizationCode, Direction = edited.IssuedBy.Direction, Period = 2025,
        });
        Assert.Contains(listed.Recommendations, r => r.Id == edited.Id && r.Trace.Count > 0);
        await cycle.Service.UpdateRecommendationAsync(new UpdateRecommendationRequest { Id = edited.Id, DueDate = "2025-09-30" });
        Assert.Equal("2025-09-30", (await ImportAsync(cycle, DemoRegion.RegionCode, edited.IssuedBy.Direction)).Single(r => r.Id == edited.Id).DueDate);
    }

    private static async Task<List<Recommendation>> ImportAsync(CycleClient cycle, string code, string direction) =>
        (await cycle.Service.GenerateRecommendationsAsync(new GenerateRecommendationsRequest { Cycle = CycleClient.Ref(code, 2025, direction) })).Recommendations.ToList();

    private static async Task<double> ShareOfTwosAsync(RunningServer server, string code, int year) =>
        (await server.Query.GetSummaryAsync(new GetSummaryRequest
        {
            OrganizationCode = code, Slice = new Slice { Year = year, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5 },
        })).Summary.ShareMark2;
}
