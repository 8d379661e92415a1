using System.Security.Claims;
using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class CredentialTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string IdentityProvider = "https://idp.example.test/realms/region";
    private static readonly byte[] IdentityProviderKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly GetSummaryRequest ReadM1 = new()
    {
        OrganizationCode = "M1",
        Slice = new Slice { Year = 2025, Procedure = Procedure.Ege, Subject = "RU", Grade = 11 },
    };

    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("credentials"), extraSettings: new Dictionary<string, string?>
        {
            ["EduQuality:Security:JwtIssuer"] = IdentityProvider,
            ["EduQuality:Security:JwtAudience"] = "eduquality",
            ["EduQuality:Security:JwtSigningKeys:0"] = Convert.ToBase64String(IdentityProviderKey),
        });
        await SmallRegion.RegisterAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Revoked_key_is_refused_at_once()
    {
        var admin = new AdminService.AdminServiceClient(_server.Channel);
        var issued = await admin.IssueKeyAsync(new IssueKeyRequest { Name = "РИС ГИА", Role = Role.ReadOnly, Scope = "M1" });
        using var channel = _server.ChannelWith(issued.Secret);
        var query = new QueryService.QueryServiceClient(channel);
        await query.GetSummaryAsync(ReadM1);

        var revoked = await admin.RevokeKeyAsync(new RevokeKeyRequest { KeyId = issued.Key.KeyId });
        var error = await Assert.ThrowsAsync<RpcException>(async () => await query.GetSummaryAsync(ReadM1));

        Assert.NotEmpty(revoked.Key.RevokedAt);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("revoked", error.Status.Detail);
    }

    [Fact]
    public async Task Expired_key_is_refused()
    {
        var admin = new AdminService.AdminServiceClient(_server.Channel);
        var issued = await admin.IssueKeyAsync(new IssueKeyRequest { Name = "short-lived", Role = Role.ReadOnly, Scope = "M1", ExpiresAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O") });
        await using (var connection = new NpgsqlConnection(_server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE api_key SET expires_at = now() - interval '1 second' WHERE key_id = $1", connection);
            command.Parameters.AddWithValue(issued.Key.KeyId);
            await command.ExecuteNonQueryAsync();
        }

        using var channel = _server.ChannelWith(issued.Secret);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await new QueryService.QueryServiceClient(channel).GetSummaryAsync(ReadM1));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("expired", error.Status.Detail);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes_and_listed_without_secrets()
    {
        var admin = new AdminService.AdminServiceClient(_server.Channel);
        var issued = await admin.IssueKeyAsync(new IssueKeyRequest { Name = "ФИС ОКО", Role = Role.IntegrationWriter, Scope = "R1" });
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT secret_hash FROM api_key WHERE key_id = $1", connection);
        command.Parameters.AddWithValue(issued.Key.KeyId);
        var stored = (byte[])(await command.ExecuteScalarAsync())!;

        var listed = await admin.ListKeysAsync(new ListKeysRequest());

        Assert.Equal(32, stored.Length);
        Assert.DoesNotContain(issued.Secret.Split('.')[1], System.Text.Encoding.UTF8.GetString(stored));
        Assert.Contains(listed.Keys, k => k.KeyId == issued.Key.KeyId && k.Name == "ФИС ОКО");
    }

    [Fact]
    public async Task Local_user_signs_in_with_a_password_and_acts_with_the_token()
    {
        var admin = new AdminService.AdminServiceClient(_server.Channel);
        await admin.CreateUserAsync(new CreateUserRequest { Login = "analyst.m1", Password = "correct horse battery", Role = Role.MunicipalityAnalyst, Scope = "M1" });
        var auth = new AuthService.AuthServiceClient(_server.ChannelWith(apiKey: null));

        var signedIn = await auth.SignInAsync(new SignInRequest { Login = "analyst.m1", Password = "correct horse battery" });
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await auth.SignInAsync(new SignInRequest { Login = "analyst.m1", Password = "wrong password!!" }));
        using var channel = _server.ChannelWith(apiKey: null, bearerToken: signedIn.AccessToken);
        var query = new QueryService.QueryServiceClient(channel);
        var own = await query.GetSummaryAsync(ReadM1);
        var other = await Assert.ThrowsAsync<RpcException>(async () => await query.GetSummaryAsync(new GetSummaryRequest { OrganizationCode = "M2", Slice = ReadM1.Slice }));

        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Equal("M1", own.OrganizationCode);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
    }

    [Fact]
    public async Task Token_of_the_regions_identity_provider_is_accepted_and_a_forged_one_is_not()
    {
        var genuine = Token(IdentityProviderKey, IdentityProvider, DateTime.UtcNow.AddMinutes(10));
        var forged = Token(Enumerable.Repeat((byte)7, 32).ToArray(), IdentityProvider, DateTime.UtcNow.AddMinutes(10));
        var expired = Token(IdentityProviderKey, IdentityProvider, DateTime.UtcNow.AddMinutes(-10));

        var accepted = await new QueryService.QueryServiceClient(_server.ChannelWith(null, genuine)).GetSummaryAsync(ReadM1);
        var refusedForged = await Assert.ThrowsAsync<RpcException>(async () => await new QueryService.QueryServiceClient(_server.ChannelWith(null, forged)).GetSummaryAsync(ReadM1));
        var refusedExpired = await Assert.ThrowsAsync<RpcException>(async () => await new QueryService.QueryServiceClient(_server.ChannelWith(null, expired)).GetSummaryAsync(ReadM1));

        Assert.Equal("M1", accepted.OrganizationCode);
        Assert.Equal(StatusCode.Unauthenticated, refusedForged.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, refusedExpired.StatusCode);
    }

    private static string Token(byte[] key, string issuer, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = "eduquality",
        Subject = new ClaimsIdentity([new Claim("sub", "ivanova@region"), new Claim("eduq_role", "RegionAnalyst"), new Claim("eduq_scope", "R1")]),
        NotBefore = expires.AddMinutes(-30),
        IssuedAt = expires.AddMinutes(-30),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });
}
