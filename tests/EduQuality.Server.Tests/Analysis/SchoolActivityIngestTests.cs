using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace EduQuality.Server.Tests.Analysis;

/// <summary>
/// Teachers, olympiad results and career guidance over gRPC: each batch validated as a whole, idempotent, corrected by
/// natural key, and pooled into the indicators that need them. SmallRegion, 2025: S11 has three teachers (two
/// diagnosed), S12 two (none), so NOR-T3 of M1 is 2/5 = 40 %, short of its target ≥ 50 %.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SchoolActivityIngestTests(PostgresFixture postgres) : IAsyncLifetime
{
    private RunningServer _server = null!;
    private ContextService.ContextServiceClient _context = null!;
    private AnalysisService.AnalysisServiceClient _analysis = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("activities"));
        _context = new ContextService.ContextServiceClient(_server.Channel);
        _analysis = new AnalysisService.AnalysisServiceClient(_server.Channel);
        await SmallRegion.RegisterAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Teachers_are_pooled_into_the_municipality_share_and_a_correction_moves_it()
    {
        var batch = new TeacherBatch
        {
            BatchId = "teachers-1",
            Rows = { Teacher("S11", "T1", true), Teacher("S11", "T2", true), Teacher("S11", "T3", false), Teacher("S12", "T4", false), Teacher("S12", "T5", false) },
        };

        var first = await _context.SubmitTeachersAsync(batch);
        var again = await _context.SubmitTeachersAsync(batch);
        var before = await IndicatorAsync("M1", "NOR-T3");
        var corrected = await _context.SubmitTeachersAsync(new TeacherBatch { BatchId = "teachers-2", Rows = { Teacher("S12", "T4", true), Teacher("S12", "T5", false) } });
        var after = await IndicatorAsync("M1", "NOR-T3");

        Assert.Equal((5, false), (first.Inserted, first.Duplicate));
        Assert.True(again.Duplicate);
        Assert.Equal(("Computed", 40.0, 2.0, 5.0, false), (before.Status, before.Value, before.Numerator, before.Denominator, before.TargetMet));
        Assert.Equal((0, 1, 1), (corrected.Inserted, corrected.Corrected, corrected.Unchanged));
        Assert.Equal((60.0, true), (after.Value, after.TargetMet));
    }

    [Fact]
    public async Task Olympiads_and_career_guidance_are_pooled_over_the_subtree()
    {
        await _context.SubmitOlympiadsAsync(new OlympiadBatch
        {
            BatchId = "olympiad-1",
            Rows =
            {
                new OlympiadRow { SchoolCode = "S11", Year = 2025, Stage = OlympiadStage.Regional, Subject = "MA", Participants = 4, Winners = 1, PrizeWinners = 2 },
                new OlympiadRow { SchoolCode = "S21", Year = 2025, Stage = OlympiadStage.Regional, Subject = "RU", Participants = 2, Winners = 0, PrizeWinners = 1 },
                new OlympiadRow { SchoolCode = "S21", Year = 2025, Stage = OlympiadStage.Municipal, Subject = "RU", Participants = 9, Winners = 3, PrizeWinners = 3 },
            },
        });
        await _context.SubmitCareerGuidanceAsync(new CareerGuidanceBatch
        {
            BatchId = "career-1",
            Rows =
            {
                new CareerGuidanceRow { SchoolCode = "S11", Year = 2025, Graduates = 20, TargetContract = 2, ContinuingInPoo = 8, PriorityProgramme = 5 },
                new CareerGuidanceRow { SchoolCode = "S12", Year = 2025, Graduates = 30, TargetContract = 3, ContinuingInPoo = 7, PriorityProgramme = 5 },
            },
        });

        // Regional winners and prize-winners: S11 3, S21 1; the region 4. Targeted contracts in M1: 5 of 50 = 10 %.
        Assert.Equal(4.0, (await IndicatorAsync("R1", "R3-OL2")).Value);
        Assert.Equal(3.0, (await IndicatorAsync("S11", "R3-OL2")).Value);
        Assert.Equal((10.0, 5.0, 50.0), ((await IndicatorAsync("M1", "PRO-2")).Value, (await IndicatorAsync("M1", "PRO-2")).Numerator, (await IndicatorAsync("M1", "PRO-2")).Denominator));
        Assert.Equal("NoData", (await IndicatorAsync("M2", "PRO-2")).Status);
    }

    [Fact]
    public async Task Olympiad_career_and_reference_batches_are_idempotent_and_corrected_by_natural_key()
    {
        static OlympiadBatch Olympiad(string id, int winners) => new()
        {
            BatchId = id,
            Rows = { new OlympiadRow { SchoolCode = "S11", Year = 2025, Stage = OlympiadStage.Regional, Subject = "MA", Participants = 5, Winners = winners } },
        };
        static CareerGuidanceBatch Career(string id, int graduates) => new()
        {
            BatchId = id,
            Rows = { new CareerGuidanceRow { SchoolCode = "S11", Year = 2025, Graduates = graduates, TargetContract = 1 } },
        };
        static ReferenceValueBatch Reference(string id, double value) => new()
        {
            BatchId = id,
            Rows = { new ReferenceValueRow { IndicatorCode = "PRO-2", Year = 2025, Level = ReferenceLevel.Federal, Value = value } },
        };

        var acks = new List<ContextAck>
        {
            await _context.SubmitOlympiadsAsync(Olympiad("o-1", 1)),
            await _context.SubmitOlympiadsAsync(Olympiad("o-1", 1)),
            await _context.SubmitOlympiadsAsync(Olympiad("o-2", 2)),
            await _context.SubmitCareerGuidanceAsync(Career("c-1", 10)),
            await _context.SubmitCareerGuidanceAsync(Career("c-1", 10)),
            await _context.SubmitCareerGuidanceAsync(Career("c-2", 20)),
            await _context.SubmitReferenceValuesAsync(Reference("f-1", 3)),
            await _context.SubmitReferenceValuesAsync(Reference("f-1", 3)),
            await _context.SubmitReferenceValuesAsync(Reference("f-2", 4)),
            await _context.SubmitReferenceValuesAsync(Reference("f-3", 4)),
        };

        // new, duplicate, corrected for each kind; the last reference batch repeats a stored value: unchanged.
        Assert.Equal(
            [(1, 0, 0, false), (1, 0, 0, true), (0, 1, 0, false), (1, 0, 0, false), (1, 0, 0, true), (0, 1, 0, false), (1, 0, 0, false), (1, 0, 0, true), (0, 1, 0, false), (0, 0, 1, false)],
            acks.Select(a => (a.Inserted, a.Corrected, a.Unchanged, a.Duplicate)));
        Assert.Equal(2.0, (await IndicatorAsync("S11", "R3-OL2")).Value);
        var career = await IndicatorAsync("S11", "PRO-2");
        Assert.Equal((5.0, 4.0, 1.0), (career.Value, career.FederalReference, career.DifferenceFromFederal));
    }

    [Fact]
    public async Task Bad_rows_of_each_kind_are_refused_naming_row_field_and_value()
    {
        var teachers = await Assert.ThrowsAsync<RpcException>(() => _context.SubmitTeachersAsync(new TeacherBatch
        {
            BatchId = "teachers-bad",
            Rows = { Teacher("S11", "", true), Teacher("M1", "T9", false), Teacher("S12", "T7", true), Teacher("S12", "T7", false) },
        }).ResponseAsync);
        var olympiads = await Assert.ThrowsAsync<RpcException>(() => _context.SubmitOlympiadsAsync(new OlympiadBatch
        {
            BatchId = "olympiad-bad",
            Rows = { new OlympiadRow { SchoolCode = "S11", Year = 2025, Stage = OlympiadStage.Unspecified, Subject = "XX", Participants = 1, Winners = 1, PrizeWinners = 1 } },
        }).ResponseAsync);
        var career = await Assert.ThrowsAsync<RpcException>(() => _context.SubmitCareerGuidanceAsync(new CareerGuidanceBatch
        {
            BatchId = "career-bad",
            Rows = { new CareerGuidanceRow { SchoolCode = "S11", Year = 2025, Graduates = 5, TargetContract = 6, BiletVBudushee = -1 } },
        }).ResponseAsync);

        Assert.Equal(["rows[0].teacher_code", "rows[1].school_code", "rows[3].teacher_code"], BadRequestDetails.Fields(teachers));
        Assert.Equal(["rows[0].stage", "rows[0].subject", "rows[0].prize_winners"], BadRequestDetails.Fields(olympiads));
        Assert.Equal(["rows[0].bilet_v_budushee", "rows[0].target_contract"], BadRequestDetails.Fields(career));
        Assert.All(new[] { teachers, olympiads, career }, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal("NoData", (await IndicatorAsync("M1", "NOR-T3")).Status);
    }

    private static TeacherRow Teacher(string school, string code, bool diagnosed) =>
        new() { SchoolCode = school, Year = 2025, TeacherCode = code, Diagnosed = diagnosed };

    private async Task<IndicatorValueView> IndicatorAsync(string organization, string code) =>
        (await _analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = organization, Year = 2025 })).Indicators.Single(i => i.Code == code);
}
