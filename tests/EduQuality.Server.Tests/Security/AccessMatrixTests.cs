using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace EduQuality.Server.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class AccessMatrixTests(PostgresFixture postgres)
{
    private const StatusCode Ok = StatusCode.OK;
    private const StatusCode Denied = StatusCode.PermissionDenied;
    private static readonly Slice Ege2025 = new() { Year = 2025, Procedure = Procedure.Ege, Subject = "RU", Grade = 11 };
    private static int _unique;

    // Columns: the operations below, in order. Rows: a role bound to an organisation of the small region.
    private static readonly string[] Operations =
        [
            "read S11", "read S21", "read R1", "write S11", "write S21", "register under M1", "move S12", "issue key in M1", "audit M1",
            "context of S11", "cycle of M1", "analysis of R1",
        ];

    private static readonly (string Who, Role Role, string Scope, StatusCode[] Expected)[] Matrix =
    [
        ("region administrator", Role.RegionAdministrator, "R1", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("region analyst", Role.RegionAnalyst, "R1", [Ok, Ok, Ok, Denied, Denied, Denied, Denied, Denied, Ok, Denied, Denied, Ok]),
        ("municipality analyst", Role.MunicipalityAnalyst, "M1", [Ok, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Ok, Denied, Ok, Denied]),
        ("school operator", Role.SchoolOperator, "S11", [Ok, Denied, Denied, Ok, Denied, Denied, Denied, Denied, Denied, Ok, Denied, Denied]),
        ("integration writer", Role.IntegrationWriter, "M1", [Denied, Denied, Denied, Ok, Denied, Denied, Denied, Denied, Denied, Ok, Denied, Denied]),
        ("read-only", Role.ReadOnly, "M2", [Denied, Ok, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Denied, Denied]),
    ];

    [Fact]
    public async Task Every_role_gets_exactly_its_rights_within_its_subtree()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("access"));
        await SmallRegion.RegisterAsync(server);
        var mismatches = new List<string>();
        foreach (var (who, role, scope, expected) in Matrix)
        {
            using var channel = server.ChannelWith(await Keys.IssueAsync(server, role, scope));
            for (var i = 0; i < Operations.Length; i++)
            {
                var actual = await StatusOfAsync(channel, Operations[i]);
                if (actual != expected[i])
                {
                    mismatches.Add($"{who} of {scope}, {Operations[i]}: expected {expected[i]}, got {actual}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task Every_operation_without_credentials_is_unauthenticated()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("anonymous"));
        await SmallRegion.RegisterAsync(server);
        using var anonymous = server.ChannelWith(apiKey: null);
        using var forged = server.ChannelWith("eqk_000000000000.not-a-real-secret");

        foreach (var operation in Operations)
        {
            Assert.Equal(StatusCode.Unauthenticated, await StatusOfAsync(anonymous, operation));
            Assert.Equal(StatusCode.Unauthenticated, await StatusOfAsync(forged, operation));
        }
    }

    [Fact]
    public async Task Search_shows_only_the_callers_subtree()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("search"));
        await SmallRegion.RegisterAsync(server);
        using var channel = server.ChannelWith(await Keys.IssueAsync(server, Role.MunicipalityAnalyst, "M1"));

        var found = await new OrganizationService.OrganizationServiceClient(channel).SearchOrganizationsAsync(new SearchOrganizationsRequest { Text = "СОШ" });

        Assert.Equal(["S11", "S12"], found.Organizations.Select(o => o.Code).Order());
    }

    private static async Task<StatusCode> StatusOfAsync(GrpcChannel channel, string operation)
    {
        var n = Interlocked.Increment(ref _unique);
        try
        {
            await (operation switch
            {
                "read S11" => Read(channel, "S11"),
                "read S21" => Read(channel, "S21"),
                "read R1" => Read(channel, "R1"),
                "write S11" => Write(channel, "S11", n),
                "write S21" => Write(channel, "S21", n),
                "register under M1" => new OrganizationService.OrganizationServiceClient(channel).RegisterOrganizationsAsync(new RegisterOrganizationsRequest
                {
                    Organizations = { new Organization { Code = $"S1X{n}", Level = OrganizationLevel.School, Name = $"Школа {n}", ParentCode = "M1" } },
                }).ResponseAsync,
                "move S12" => new OrganizationService.OrganizationServiceClient(channel).MoveSchoolAsync(
                    new MoveSchoolRequest { SchoolCode = "S12", NewParentCode = "M1", EffectiveFrom = "2099-09-01" }).ResponseAsync,
                "issue key in M1" => new AdminService.AdminServiceClient(channel).IssueKeyAsync(
                    new IssueKeyRequest { Name = "read-only M1", Role = Role.ReadOnly, Scope = "M1" }).ResponseAsync,
                "audit M1" => new AdminService.AdminServiceClient(channel).ListAuditEventsAsync(new ListAuditEventsRequest { OrganizationCode = "M1" }).ResponseAsync,
                "context of S11" => new ContextService.ContextServiceClient(channel).SubmitSchoolContextAsync(new SchoolContextBatch
                {
                    BatchId = $"access-context-{n}",
                    Rows = { new SchoolContextRow { SchoolCode = "S11", Year = 2025, ShareOnPreventiveRegister = 0.01 * (n % 50) } },
                }).ResponseAsync,
                // A period of its own for every call, so each allowed caller starts a fresh cycle.
                "cycle of M1" => new CycleService.CycleServiceClient(channel).TransitionAsync(new TransitionRequest
                {
                    Cycle = new CycleRef { OrganizationCode = "M1", Direction = "R1", Period = 2000 + n },
                    To = CycleStage.Goals,
                }).ResponseAsync,
                "analysis of R1" => new AnalysisService.AnalysisServiceClient(channel).GetObjectivityAsync(new AnalysisRequest { OrganizationCode = "R1", Year = 2025 }).ResponseAsync,
                _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
            });
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static Task Read(GrpcChannel channel, string code) =>
        new QueryService.QueryServiceClient(channel).GetSummaryAsync(new GetSummaryRequest { OrganizationCode = code, Slice = Ege2025 }).ResponseAsync;

    private static Task Write(GrpcChannel channel, string school, int n) =>
        new IngestService.IngestServiceClient(channel).SubmitBatchAsync(
            SmallRegion.Batch($"access-{n}", Procedure.Ege, 2025, SmallRegion.Ege($"P{n:0000}", school, 60))).ResponseAsync;
}
