using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.Server.Tests.Cycle;

/// <summary>
/// The cycle on demo data: the first municipality of the scaled-down demo region and two of its schools run R2 through
/// 2024 and 2025; the effectiveness of their 2024 decisions is computed from the demo's ВПР results of both years and
/// must equal the change of the same summaries as the query service serves them.
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

    private static async Task<double> ShareOfTwosAsync(RunningServer server, string code, int year) =>
        (await server.Query.GetSummaryAsync(new GetSummaryRequest
        {
            OrganizationCode = code, Slice = new Slice { Year = year, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5 },
        })).Summary.ShareMark2;
}
