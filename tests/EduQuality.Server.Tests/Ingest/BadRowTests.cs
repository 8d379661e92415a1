using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Ingest;

[Collection(PostgresCollection.Name)]
public sealed class BadRowTests(PostgresFixture postgres) : IAsyncLifetime
{
    private RunningServer _server = null!;

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "unknown school", "rows[1].school_code", "S99" },
        { "mark outside 2-5", "rows[1].mark", "6" },
        { "missing mark", "rows[1].mark", "" },
        { "score above maximum", "rows[1].primary_score", "21" },
        { "duplicate participant", "rows[1].participant_code", "P0001" },
        { "grade not written", "rows[1].grade", "9" },
        { "unknown subject", "rows[1].subject", "XX" },
        { "term mark outside 2-5", "rows[1].term_mark", "1" },
        { "tasks do not add up", "rows[1].task_points", "8" },
        { "task above its maximum", "rows[1].task_points[0]", "11" },
        { "missing class", "rows[1].class_label", "" },
        { "name as participant code", "rows[1].participant_code", "Ivanov" },
        { "snils as participant code", "rows[1].participant_code", "123-456-789 01" },
        { "test score outside ЕГЭ", "rows[1].test_score", "50" },
    };

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("badrows"));
        await SmallRegion.RegisterAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Bad_row_refuses_the_whole_batch_naming_row_field_and_value(string kind, string field, string value)
    {
        var bad = SmallRegion.Vpr("P0002", "S12", "5А", 10, 3, 3);
        Spoil(kind, bad);
        var batch = SmallRegion.Batch("bad-" + kind, Procedure.Vpr, 2025, SmallRegion.Vpr("P0001", "S11", "5А", 12, 4, 4), bad);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _server.Ingest.SubmitBatchAsync(batch));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(BadRequestOf(error).FieldViolations);
        Assert.Equal(field, violation.Field);
        Assert.StartsWith($"row 1: value '{value}':", violation.Description);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM assessment_result"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM rollup_contribution"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM ingest_batch"));
        var school = await _server.Query.GetSummaryAsync(new GetSummaryRequest
        {
            OrganizationCode = "S11",
            Slice = new Slice { Year = 2025, Procedure = Procedure.Vpr, Subject = "MA", Grade = 5 },
        });
        Assert.Equal(0, school.Summary.Participants);
    }

    [Fact]
    public async Task Wrong_year_is_refused_for_the_batch()
    {
        var batch = SmallRegion.Batch("bad-year", Procedure.Vpr, 1999, SmallRegion.Vpr("P0001", "S11", "5А", 12, 4, 4));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _server.Ingest.SubmitBatchAsync(batch));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("year", Assert.Single(BadRequestOf(error).FieldViolations).Field);
    }

    [Fact]
    public async Task Every_bad_row_of_a_batch_is_listed()
    {
        var rows = Enumerable.Range(0, 5).Select(i => SmallRegion.Vpr($"P{i:0000}", "S11", "5А", 12, 7, 4)).ToArray();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _server.Ingest.SubmitBatchAsync(SmallRegion.Batch("bad-many", Procedure.Vpr, 2025, rows)));

        Assert.Equal(["rows[0].mark", "rows[1].mark", "rows[2].mark", "rows[3].mark", "rows[4].mark"],
            BadRequestOf(error).FieldViolations.Select(v => v.Field));
    }

    private static void Spoil(string kind, ResultRow row)
    {
        switch (kind)
        {
            case "unknown school": row.SchoolCode = "S99"; break;
            case "mark outside 2-5": row.Mark = 6; break;
            case "missing mark": row.ClearMark(); break;
            case "score above maximum": row.PrimaryScore = 21; row.TaskPoints.Clear(); row.TaskMaxPoints.Clear(); break;
            case "duplicate participant": row.ParticipantCode = "P0001"; break;
            case "grade not written": row.Grade = 9; break;
            case "unknown subject": row.Subject = "XX"; break;
            case "term mark outside 2-5": row.TermMark = 1; break;
            case "tasks do not add up": row.TaskPoints[0] = 3; break;
            case "task above its maximum": row.TaskPoints[0] = 11; row.TaskPoints[1] = 0; row.PrimaryScore = 11; break;
            case "missing class": row.ClassLabel = ""; break;
            case "name as participant code": row.ParticipantCode = "Ivanov"; break;
            case "snils as participant code": row.ParticipantCode = "123-456-789 01"; break;
            case "test score outside ЕГЭ": row.TestScore = 50; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static BadRequest BadRequestOf(RpcException error)
    {
        var status = Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes("grpc-status-details-bin"));
        return status.Details.Single().Unpack<BadRequest>();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}
