using System.Net.Http.Json;
using System.Text.Json;
using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace EduQuality.Server.Tests.Analysis;

/// <summary>
/// Indicator values served for SmallRegion, checked against pooled counts by hand. ВПР mathematics grade 5, 2025
/// (ВПР mark against term mark): S11 4 results (2 confirmed, 1 raised, 1 lowered), S12 6 (5 confirmed, 1 raised), S21 2
/// (2 confirmed). A1-T1 (confirmed share): S11 2/4 = 50 %, S12 5/6, S21 100 %, M1 7/10 = 70 % (the mean of 50 % and
/// 83.3 % would be 66.7 %), R1 9/12 = 75 %. A1-T2 (raised share): S11 25 %, M1 2/10 = 20 %, R1 2/12.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class IndicatorServiceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private RunningServer _server = null!;
    private AnalysisService.AnalysisServiceClient _analysis = null!;
    private ContextService.ContextServiceClient _context = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("indicators"));
        _analysis = new AnalysisService.AnalysisServiceClient(_server.Channel);
        _context = new ContextService.ContextServiceClient(_server.Channel);
        await SmallRegion.RegisterAsync(_server);
        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-2025", Procedure.Vpr, 2025,
            Vpr("a1", "S11", 3, 3), Vpr("a2", "S11", 4, 4), Vpr("a3", "S11", 4, 3), Vpr("a4", "S11", 2, 3),
            Vpr("b1", "S12", 3, 3), Vpr("b2", "S12", 3, 3), Vpr("b3", "S12", 4, 4), Vpr("b4", "S12", 4, 4), Vpr("b5", "S12", 5, 5), Vpr("b6", "S12", 5, 4),
            Vpr("c1", "S21", 2, 2), Vpr("c2", "S21", 5, 5)));
        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-2023", Procedure.Vpr, 2023,
            Vpr("d1", "S11", 4, 3), Vpr("d2", "S11", 4, 3), Vpr("d3", "S11", 3, 3), Vpr("d4", "S11", 3, 3)));
        await SmallRegion.SettleAsync(_server, "R1", 2023);
        await SmallRegion.SettleAsync(_server, "R1", 2025);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Values_are_pooled_at_school_municipality_and_region_with_parent_differences()
    {
        var s11 = await IndicatorAsync("S11", "A1-T1");
        var m1 = await IndicatorAsync("M1", "A1-T1");
        var r1 = await IndicatorAsync("R1", "A1-T1");
        var raised = await IndicatorAsync("M1", "A1-T2");

        Assert.Equal(("Computed", 50.0, 2.0, 4.0), (s11.Status, s11.Value, s11.Numerator, s11.Denominator));
        Assert.Equal((70.0, 7.0, 10.0), (m1.Value, m1.Numerator, m1.Denominator));
        Assert.Equal((75.0, 9.0, 12.0), (r1.Value, r1.Numerator, r1.Denominator));
        Assert.Equal((70.0, -20.0), (s11.ParentValue, s11.DifferenceFromParent));
        Assert.Equal((75.0, -5.0), (m1.ParentValue, m1.DifferenceFromParent));
        Assert.False(r1.HasParentValue);
        Assert.Equal(20.0, raised.Value);
    }

    [Fact]
    public async Task Eduq_indicators_prints_the_pooled_values_as_a_table_and_as_json()
    {
        var table = new StringWriter();
        var json = new StringWriter();
        var request = new IndicatorValuesRequest { OrganizationCode = "M1", Year = 2025, Direction = "A1" };

        await EduQuality.Cli.Commands.IndicatorsCommand.WriteAsync(_server.Channel, request, withoutData: false, "table", table, CancellationToken.None);
        await EduQuality.Cli.Commands.IndicatorsCommand.WriteAsync(_server.Channel, request, withoutData: false, "json", json, CancellationToken.None);

        var lines = table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Показатель", lines[0], StringComparison.Ordinal);
        // A1-T1 of M1: 7 of 10 confirmed = 70 %, 5 below R1's 75 %; A1-T2: 2 of 10 raised.
        Assert.Matches(@"^A1-T1\s+70\s+7\s+10\s.*\s-5\s", lines.Single(l => l.StartsWith("A1-T1 ", StringComparison.Ordinal)));
        Assert.Matches(@"^A1-T2\s+20\s+2\s+10\s", lines.Single(l => l.StartsWith("A1-T2 ", StringComparison.Ordinal)));
        using var document = JsonDocument.Parse(json.ToString());
        var t1 = document.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "A1-T1");
        Assert.Equal(70.0, t1.GetProperty("value").GetDouble());
        Assert.All(document.RootElement.GetProperty("indicators").EnumerateArray(), i => Assert.NotEqual("NoData", i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Dynamics_over_three_years_respect_lower_is_better()
    {
        // S11 2023: 2 confirmed, 2 raised of 4 → A1-T1 50 %, A1-T2 50 %; 2025: 50 % and 25 %.
        var confirmed = await IndicatorAsync("S11", "A1-T1");
        var raised = await IndicatorAsync("S11", "A1-T2");

        Assert.Equal([2023, 2024, 2025], raised.Series.Select(p => p.Year));
        Assert.Equal([50.0, 25.0], raised.Series.Where(p => p.HasValue).Select(p => p.Value));
        Assert.False(raised.Series[1].HasValue);
        Assert.Equal("Improved", raised.Dynamics);
        Assert.Equal("Unchanged", confirmed.Dynamics);
    }

    [Fact]
    public async Task Reported_and_reference_values_are_validated_idempotent_and_used()
    {
        var bad = await Assert.ThrowsAsync<RpcException>(() => _context.SubmitReportedValuesAsync(new ReportedValueBatch
        {
            BatchId = "rep-bad",
            Rows = { new ReportedValueRow { OrganizationCode = "M1", Year = 2025, IndicatorCode = "NO-SUCH", Value = 1 }, new ReportedValueRow { OrganizationCode = "M1", Year = 2025, IndicatorCode = "NOR-T3", Value = 140 } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["rows[0].indicator_code", "rows[1].value"], BadRequestDetails.Fields(bad));

        var reported = new ReportedValueBatch { BatchId = "rep-1", Rows = { new ReportedValueRow { OrganizationCode = "M1", Year = 2025, IndicatorCode = "NOR-T3", Value = 40 } } };
        Assert.Equal(1, (await _context.SubmitReportedValuesAsync(reported)).Inserted);
        Assert.True((await _context.SubmitReportedValuesAsync(reported)).Duplicate);
        reported = new ReportedValueBatch { BatchId = "rep-2", Rows = { new ReportedValueRow { OrganizationCode = "M1", Year = 2025, IndicatorCode = "NOR-T3", Value = 55 } } };
        Assert.Equal(1, (await _context.SubmitReportedValuesAsync(reported)).Corrected);
        var references = new ReferenceValueBatch
        {
            BatchId = "ref-1",
            Rows =
            {
                new ReferenceValueRow { IndicatorCode = "A1-T1", Year = 2025, Level = ReferenceLevel.Regional, Value = 72 },
                new ReferenceValueRow { IndicatorCode = "A1-T1", Year = 2025, Level = ReferenceLevel.Federal, Value = 80 },
            },
        };
        Assert.Equal(2, (await _context.SubmitReferenceValuesAsync(references)).Inserted);

        var teachers = await IndicatorAsync("M1", "NOR-T3");
        var confirmed = await IndicatorAsync("M1", "A1-T1");

        Assert.Equal(("Reported", 55.0, ">= 50", true), (teachers.Status, teachers.Value, teachers.Target, teachers.TargetMet));
        Assert.Equal((72.0, -2.0, 80.0, -10.0), (confirmed.RegionalReference, confirmed.DifferenceFromRegional, confirmed.FederalReference, confirmed.DifferenceFromFederal));
    }

    [Fact]
    public async Task Reference_means_per_work_are_validated_and_served_as_differences_with_the_regions_own_first()
    {
        // ВПР MA grade 5, 2025, primary scores (mark 2 → 3, 3 → 7, 4 → 12, 5 → 17): S11 34 / 4 = 8.5, S12 72 / 6 = 12,
        // S21 20 / 2 = 10; M1 106 / 10 = 10.6; R1 126 / 12 = 10.5.
        var bad = await Assert.ThrowsAsync<RpcException>(() => _context.SubmitReferenceMeansAsync(new ReferenceMeanBatch
        {
            BatchId = "means-bad",
            Rows =
            {
                Mean("R9", ReferenceLevel.Regional, 10),
                new ReferenceMeanRow { Year = 2025, Procedure = Procedure.Vpr, Subject = "MA", Grade = 12, Level = ReferenceLevel.Federal, MeanScore = 150 },
                Mean("", ReferenceLevel.Unspecified, 10),
            },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["rows[0].region_code", "rows[1].grade", "rows[1].mean_score", "rows[2].level"], BadRequestDetails.Fields(bad));

        var means = new ReferenceMeanBatch
        {
            BatchId = "means-1",
            Rows = { Mean("", ReferenceLevel.Regional, 10), Mean("", ReferenceLevel.Federal, 11), Mean("R1", ReferenceLevel.Regional, 10.2) },
        };
        Assert.Equal(3, (await _context.SubmitReferenceMeansAsync(means)).Inserted);
        Assert.True((await _context.SubmitReferenceMeansAsync(means)).Duplicate);

        var m1 = Assert.Single((await _analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = "M1", Year = 2025 })).WorkMeans);
        var r1 = Assert.Single((await _analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = "R1", Year = 2025 })).WorkMeans);

        Assert.Equal((Procedure.Vpr, "MA", 5, 10L), (m1.Procedure, m1.Subject, m1.Grade, m1.Participants));
        Assert.Equal(10.6, m1.MeanScore, 9);
        Assert.Equal((10.5, 0.1), (m1.ParentMeanScore, Math.Round(m1.DifferenceFromParent, 9)));
        Assert.Equal((10.2, 0.4, 11.0, -0.4), (m1.RegionalMean, Math.Round(m1.DifferenceFromRegional, 9), m1.FederalMean, Math.Round(m1.DifferenceFromFederal, 9)));
        Assert.Equal((10.5, 0.3), (r1.MeanScore, Math.Round(r1.DifferenceFromRegional, 9)));
        Assert.False(r1.HasParentMeanScore);
    }

    [Fact]
    public async Task Reference_values_of_a_region_are_written_by_its_administrator_the_installations_only_installation_wide()
    {
        using var regionAdministrator = _server.ChannelWith(await Security.Keys.IssueAsync(_server, Role.RegionAdministrator, "R1"));
        using var schoolOperator = _server.ChannelWith(await Security.Keys.IssueAsync(_server, Role.SchoolOperator, "S11"));
        var asRegion = new ContextService.ContextServiceClient(regionAdministrator);
        var asSchool = new ContextService.ContextServiceClient(schoolOperator);
        ReferenceValueBatch Batch(string id, string region, double value = 71) => new()
        {
            BatchId = id,
            Rows = { new ReferenceValueRow { IndicatorCode = "A1-T1", Year = 2025, Level = ReferenceLevel.Regional, Value = value, RegionCode = region } },
        };

        var own = await asRegion.SubmitReferenceValuesAsync(Batch("ref-r1", "R1"));
        var installationWide = await Assert.ThrowsAsync<RpcException>(() => asRegion.SubmitReferenceValuesAsync(Batch("ref-all", "")).ResponseAsync);
        var fromSchool = await Assert.ThrowsAsync<RpcException>(() => asSchool.SubmitReferenceValuesAsync(Batch("ref-s11", "R1")).ResponseAsync);
        var meansFromSchool = await Assert.ThrowsAsync<RpcException>(() => asSchool.SubmitReferenceMeansAsync(
            new ReferenceMeanBatch { BatchId = "mean-s11", Rows = { Mean("R1", ReferenceLevel.Regional, 10) } }).ResponseAsync);
        await _context.SubmitReferenceValuesAsync(Batch("ref-all-admin", "", 60));

        Assert.Equal(1, own.Inserted);
        Assert.Equal(StatusCode.PermissionDenied, installationWide.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, fromSchool.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, meansFromSchool.StatusCode);
        // R1's own 71 holds in R1 over the installation's 60 written after it (A1-T1 of M1 is 70).
        var confirmed = await IndicatorAsync("M1", "A1-T1");
        Assert.Equal((71.0, -1.0), (confirmed.RegionalReference, confirmed.DifferenceFromRegional));
    }

    [Fact]
    public async Task Indicators_without_data_are_reported_as_no_data_not_zero()
    {
        var diagnosed = await IndicatorAsync("M1", "NOR-T3");

        Assert.Equal("NoData", diagnosed.Status);
        Assert.False(diagnosed.HasValue);
    }

    [Fact]
    public async Task League_tables_are_refused_unless_asked_for_as_a_flagged_analytical_view()
    {
        var request = new RankingRequest { OrganizationCode = "R1", Year = 2025, Measure = RankingMeasure.Share4And5 };

        var refused = await Assert.ThrowsAsync<RpcException>(() => _analysis.RankSchoolsAsync(request).ResponseAsync);
        var plain = await _analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = "M1", Year = 2025 });
        request.AnalyticalView = true;
        var ranking = await _analysis.RankSchoolsAsync(request);
        var flagged = await _analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = "M1", Year = 2025, AnalyticalView = true });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("не используются как показатели управления", refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(plain.Indicators, i => i.NegativeConsequence);
        Assert.False(plain.AnalyticalView);
        // Share of «4» and «5»: S12 4/6 = 66.7 %, S11 2/4 = 50 %, S21 1/2 = 50 % (ties by code).
        Assert.True(ranking.AnalyticalView);
        Assert.Contains("Аналитическое представление", ranking.NoticeRu, StringComparison.Ordinal);
        Assert.Equal(["S12", "S11", "S21"], ranking.Schools.Select(s => s.SchoolCode));
        Assert.Equal(400.0 / 6, ranking.Schools[0].Value, 9);
        Assert.True(flagged.AnalyticalView);
        Assert.Equal(["NEG-1", "NEG-2", "NEG-3", "NEG-4"], flagged.Indicators.Where(i => i.NegativeConsequence).Select(i => i.Code).Order());
        Assert.Equal(100.0 * 6 / 10, flagged.Indicators.Single(i => i.Code == "NEG-2").Value, 9);
    }

    [Fact]
    public async Task Class_rankings_are_refused_by_default_and_served_flagged_when_asked_for()
    {
        await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-2025-5b", Procedure.Vpr, 2025,
            SmallRegion.Vpr("e1", "S11", "5Б", 17, 5, 5), SmallRegion.Vpr("e2", "S11", "5Б", 17, 5, 4)));
        var request = new RankingRequest { OrganizationCode = "R1", Year = 2025, Measure = RankingMeasure.Share4And5 };

        var refused = await Assert.ThrowsAsync<RpcException>(() => _analysis.RankClassesAsync(request).ResponseAsync);
        request.AnalyticalView = true;
        var ranking = await _analysis.RankClassesAsync(request);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("Рейтинги школ и классов", refused.Status.Detail, StringComparison.Ordinal);
        Assert.True(ranking.AnalyticalView);
        Assert.Contains("Аналитическое представление", ranking.NoticeRu, StringComparison.Ordinal);
        Assert.Empty(ranking.Schools);
        // Share of «4» and «5»: S11 5Б 2/2, S12 5А 4/6, S11 5А 2/4, S21 5А 1/2 (ties by school code).
        Assert.Equal([("S11", "5Б", 100.0, 2L), ("S12", "5А", 400.0 / 6, 6L), ("S11", "5А", 50.0, 4L), ("S21", "5А", 50.0, 2L)],
            ranking.Classes.Select(c => (c.SchoolCode, c.ClassLabel, c.Value, c.Participants)));
        Assert.Equal([1, 2, 3, 4], ranking.Classes.Select(c => c.Rank));
        Assert.All(ranking.Classes, c => Assert.Equal(5, c.Grade));
    }

    [Fact]
    public async Task Student_counts_of_the_school_contexts_feed_the_indicators_over_students()
    {
        // ВПР 2025 marks «2»: S11 1, S12 0. Contexts: S11 40 students (2 on the ОДН/КДН register, 4 on individual plans),
        // S12 60 (register share 0.05, no count: 3). Olympiad: 6 of S11 at the municipal stage.
        var before = await IndicatorAsync("M1", "ШНОР-3");
        var s11 = SchoolContextIngestTests.Row("S11", 2025, 0);
        (s11.Students, s11.StudentsRegisteredOdnKdn, s11.StudentsIndividualPlan) = (40, 2, 4);
        var s12 = SchoolContextIngestTests.Row("S12", 2025, 0);
        (s12.Students, s12.ShareOnPreventiveRegister) = (60, 0.05);
        await _context.SubmitSchoolContextAsync(new SchoolContextBatch { BatchId = "ctx-students", Rows = { s11, s12 } });
        await _context.SubmitOlympiadsAsync(new OlympiadBatch
        {
            BatchId = "olymp",
            Rows = { new OlympiadRow { SchoolCode = "S11", Year = 2025, Stage = OlympiadStage.Municipal, Subject = "MA", Participants = 6 } },
        });

        var mark2School = await IndicatorAsync("S11", "ШНОР-3");
        var mark2 = await IndicatorAsync("M1", "ШНОР-3");
        var register = await IndicatorAsync("M1", "ШНСУ-1");
        var olympiad = await IndicatorAsync("M1", "R3-OL1");
        var planSchool = await IndicatorAsync("S11", "R1-I1");
        var plan = await IndicatorAsync("M1", "R1-I1");

        Assert.Equal("NoData", before.Status);
        Assert.Equal((2.5, 1.0, 40.0), (mark2School.Value, mark2School.Numerator, mark2School.Denominator));
        Assert.Equal(("Computed", 1.0, 1.0, 100.0), (mark2.Status, mark2.Value, mark2.Numerator, mark2.Denominator));
        Assert.Equal((5.0, 5.0, 100.0), (register.Value, register.Numerator, register.Denominator));
        Assert.Equal((6.0, 6.0, 100.0), (olympiad.Value, olympiad.Numerator, olympiad.Denominator));
        Assert.Equal(10.0, planSchool.Value);
        // S12 did not give its individual-plan count: the municipality's share is unknown, not 4 of 100.
        Assert.Equal("NoData", plan.Status);
    }

    [Fact]
    public async Task Indicator_values_are_served_as_json_over_http_get()
    {
        using var http = new HttpClient { BaseAddress = _server.HttpAddress };
        http.DefaultRequestHeaders.Add("x-api-key", RunningServer.AdministratorKey);

        var json = await http.GetFromJsonAsync<JsonElement>("/v1/analysis/M1/indicators?year=2025&direction=A1");

        var t1 = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "A1-T1");
        Assert.Equal(70.0, t1.GetProperty("value").GetDouble());
        Assert.All(json.GetProperty("indicators").EnumerateArray(), i => Assert.Equal("A1", i.GetProperty("direction").GetString()));
        // The work means a dashboard reads: ВПР MA 5 of M1, 106 points over 10 participants.
        var work = Assert.Single(json.GetProperty("workMeans").EnumerateArray());
        Assert.Equal(("PROCEDURE_VPR", "MA", 5, 10.6), (work.GetProperty("procedure").GetString(), work.GetProperty("subject").GetString(),
            work.GetProperty("grade").GetInt32(), Math.Round(work.GetProperty("meanScore").GetDouble(), 9)));

        var classes = await http.GetFromJsonAsync<JsonElement>("/v1/analysis/R1/class-ranking?year=2025&measure=RANKING_MEASURE_PASS_RATE&analyticalView=true");
        Assert.True(classes.GetProperty("analyticalView").GetBoolean());
        Assert.Equal(3, classes.GetProperty("classes").GetArrayLength());
        using var refused = await http.GetAsync(new Uri("/v1/analysis/R1/class-ranking?year=2025&measure=RANKING_MEASURE_PASS_RATE", UriKind.Relative));
        Assert.False(refused.IsSuccessStatusCode);
    }

    private async Task<IndicatorValueView> IndicatorAsync(string organization, string code)
    {
        var response = await _analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = organization, Year = 2025 });
        return response.Indicators.Single(i => i.Code == code);
    }

    private static ReferenceMeanRow Mean(string region, ReferenceLevel level, double mean) => new()
    {
        RegionCode = region, Year = 2025, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5, Level = level, MeanScore = mean,
    };

    /// <summary>A ВПР mathematics grade 5 result with the given mark (primary score inside its band) and term mark.</summary>
    private static ResultRow Vpr(string participant, string school, int mark, int termMark) =>
        SmallRegion.Vpr(participant, school, "5А", mark switch { 2 => 3, 3 => 7, 4 => 12, _ => 17 }, mark, termMark);
}
