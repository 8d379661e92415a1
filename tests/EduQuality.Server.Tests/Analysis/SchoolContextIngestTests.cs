using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using EduQuality.Storage.Context;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EduQuality.Server.Tests.Analysis;

/// <summary>School-context batches over gRPC: validated as a whole, idempotent by batch id, corrected by natural key.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchoolContextIngestTests(PostgresFixture postgres) : IAsyncLifetime
{
    private RunningServer _server = null!;
    private ContextService.ContextServiceClient _context = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("context"));
        _context = new ContextService.ContextServiceClient(_server.Channel);
        await SmallRegion.RegisterAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A context row with every share set to <paramref name="share"/> and the flags given.</summary>
    public static SchoolContextRow Row(string school, int year, double share, bool flags = false) => new()
    {
        SchoolCode = school,
        Year = year,
        ShareOnPreventiveRegister = share,
        ShareMigrantOrLowRussian = share,
        ShareNotCertified = share,
        ShareChronicAbsence = share,
        ShareSpecialNeeds = share,
        Remote = flags,
        SmallSchool = flags,
        InfrastructureDeficit = flags,
        StaffShortage = flags,
    };

    [Fact]
    public async Task A_bad_batch_is_refused_whole_naming_row_field_and_value()
    {
        var batch = new SchoolContextBatch
        {
            BatchId = "ctx-bad",
            Rows =
            {
                Row("S11", 2025, 0.1),
                Row("S12", 2025, 0.1),
                Row("NOPE", 2025, 0.1),
                Row("S11", 2025, 0.2),
            },
        };
        batch.Rows[1].ShareChronicAbsence = 1.5;

        var error = await Assert.ThrowsAsync<RpcException>(() => _context.SubmitSchoolContextAsync(batch).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = BadRequestDetails.Of(error).FieldViolations;
        Assert.Equal(["rows[1].share_chronic_absence", "rows[2].school_code", "rows[3].school_code"], violations.Select(v => v.Field));
        Assert.Equal("row 1: value '1.5': a share must be between 0 and 1", violations[0].Description);
        Assert.StartsWith("row 2: value 'NOPE': no school is registered", violations[1].Description, StringComparison.Ordinal);
        Assert.Contains("already in row 0", violations[2].Description, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_resent_batch_is_a_harmless_duplicate_and_a_new_row_for_a_known_key_replaces_the_old()
    {
        var first = new SchoolContextBatch { BatchId = "ctx-1", Rows = { Row("S11", 2025, 0.1), Row("S21", 2025, 0.3, flags: true) } };

        var applied = await _context.SubmitSchoolContextAsync(first);
        var resent = await _context.SubmitSchoolContextAsync(first);
        var corrected = await _context.SubmitSchoolContextAsync(new SchoolContextBatch
        {
            BatchId = "ctx-2",
            Rows = { Row("S11", 2025, 0.1), Row("S21", 2025, 0.05) },
        });

        Assert.Equal((2, 0, 0, false), (applied.Inserted, applied.Corrected, applied.Unchanged, applied.Duplicate));
        Assert.True(resent.Duplicate);
        Assert.Equal((0, 1, 1, false), (corrected.Inserted, corrected.Corrected, corrected.Unchanged, corrected.Duplicate));
        var stored = await StoredAsync();
        Assert.Equal(["S11", "S21"], stored.Select(s => s.SchoolCode));
        Assert.Equal(0.05, stored[1].Factors.ShareChronicAbsence);
        Assert.False(stored[1].Factors.Remote);

        var reused = await Assert.ThrowsAsync<RpcException>(() => _context.SubmitSchoolContextAsync(
            new SchoolContextBatch { BatchId = "ctx-1", Rows = { Row("S12", 2025, 0.1) } }).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
    }

    [Fact]
    public async Task Student_counts_are_checked_against_students_and_shares_and_make_each_other_whole()
    {
        var countWithoutStudents = Row("S11", 2025, 0);
        countWithoutStudents.StudentsNotAttested = 3;
        var countAboveStudents = Row("S12", 2025, 0);
        (countAboveStudents.Students, countAboveStudents.StudentsMigrantOrLowRussian) = (50, 51);
        var disagreeing = Row("S21", 2025, 0.1);
        (disagreeing.Students, disagreeing.StudentsSystematicAbsence) = (50, 7);

        var error = await Assert.ThrowsAsync<RpcException>(() => _context.SubmitSchoolContextAsync(
            new SchoolContextBatch { BatchId = "ctx-counts-bad", Rows = { countWithoutStudents, countAboveStudents, disagreeing } }).ResponseAsync);

        var violations = BadRequestDetails.Of(error).FieldViolations;
        Assert.Equal(["rows[0].students_not_attested", "rows[1].students_migrant_or_low_russian", "rows[2].share_chronic_absence"], violations.Select(v => v.Field));
        Assert.Equal("row 1: value '51': the count must be between 0 and the school's 50 students", violations[1].Description);
        Assert.Equal("row 2: value '0.1': the share does not agree with its count: 7 of 50 students is 0.14", violations[2].Description);
        Assert.Empty(await StoredAsync());

        // 0.1 × 50 = 5 agrees with a count of 5; a share of 0 beside a count of 7 becomes 7 / 50; a count left out is share × students.
        var agreeing = Row("S21", 2025, 0.1);
        (agreeing.Students, agreeing.StudentsSystematicAbsence, agreeing.StudentsNotAttested, agreeing.ShareNotCertified) = (50, 5, 7, 0);
        await _context.SubmitSchoolContextAsync(new SchoolContextBatch { BatchId = "ctx-counts", Rows = { agreeing } });

        var stored = Assert.Single(await StoredAsync());
        Assert.Equal((0.14, 0.1), (stored.Factors.ShareNotCertified, stored.Factors.ShareChronicAbsence));
        Assert.Equal((50, 5, 7, 5, 5, 5), (stored.Counts.Students, stored.Counts.RegisteredOdnKdn, stored.Counts.NotAttested,
            stored.Counts.SystematicAbsence, stored.Counts.MigrantOrLowRussian, stored.Counts.LearningDisability));
        Assert.Null(stored.Counts.IndividualPlan);
    }

    private Task<List<SchoolContextEntry>> StoredAsync() =>
        _server.Services.GetRequiredService<SchoolContextStore>().ReadAsync(SmallRegion.Schools, [2025], CancellationToken.None);
}
