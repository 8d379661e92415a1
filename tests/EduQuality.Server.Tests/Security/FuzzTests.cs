using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Permission = EduQuality.Domain.Security.Permission;
using EduQuality.Server.Security;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Security;

/// <summary>
/// Malformed and random input to every write method (found on the running server through the policy table): the server never crashes, never answers INTERNAL or UNKNOWN,
/// and nothing of a refused call is applied.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FuzzTests(PostgresFixture postgres)
{
    private static readonly StatusCode[] Intended =
        [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition, StatusCode.PermissionDenied, StatusCode.Unauthenticated, StatusCode.ResourceExhausted];

    /// <summary>Permissions of methods that only read; every other method (and anonymous sign-in) is fuzzed.</summary>
    private static readonly Permission[] ReadPermissions = [Permission.ReadResults, Permission.ReadAudit];

    private static readonly string[] RealCodes = ["R1", "M1", "M2", "S11", "S12", "S21"];

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    [Fact]
    public async Task Random_bytes_and_random_values_get_only_intended_statuses_and_change_nothing()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("fuzz"));
        await SmallRegion.RegisterAsync(server);
        var before = await CountsAsync(server);
        var random = new Random(20251123);
        var statuses = new List<(string Method, StatusCode Status, string Detail)>();
        var writeMethods = UnaryWriteMethods(server);
        Assert.Contains("/eduquality.v1.IngestService/SubmitBatch", writeMethods.Keys);
        Assert.Contains("/eduquality.v1.AuthService/SignIn", writeMethods.Keys);
        Assert.Contains("/eduquality.v1.ContextService/SubmitSchoolContext", writeMethods.Keys);
        Assert.Contains("/eduquality.v1.CycleService/AddEvidence", writeMethods.Keys);

        foreach (var (method, input) in writeMethods)
        {
            var call = new Method<byte[], byte[]>(MethodType.Unary, method.Split('/')[1], method.Split('/')[2], Raw, Raw);
            for (var i = 0; i < 60; i++)
            {
                var payload = i % 2 == 0 ? RandomBytes(random) : RandomMessage(method, input, random).ToByteArray();
                statuses.Add(await StatusOfAsync(server.Channel.CreateCallInvoker(), call, payload));
            }
        }

        var upload = new Method<byte[], byte[]>(MethodType.ClientStreaming, "eduquality.v1.IngestService", "UploadBatches", Raw, Raw);
        for (var i = 0; i < 20; i++)
        {
            using var stream = server.Channel.CreateCallInvoker().AsyncClientStreamingCall(upload, null, new CallOptions());
            try
            {
                await stream.RequestStream.WriteAsync(i % 2 == 0 ? RandomBytes(random) : RandomMessage("/eduquality.v1.IngestService/SubmitBatch", ResultBatch.Descriptor, random).ToByteArray());
                await stream.RequestStream.CompleteAsync();
                await stream.ResponseAsync;
                statuses.Add(("UploadBatches", StatusCode.OK, ""));
            }
            catch (RpcException e)
            {
                statuses.Add(("UploadBatches", e.StatusCode, e.Status.Detail));
            }
        }

        Assert.Empty(statuses.Where(s => s.Status != StatusCode.OK && !Intended.Contains(s.Status)).Distinct());
        Assert.Equal(before, await CountsAsync(server));
        var health = await new Grpc.Health.V1.Health.HealthClient(server.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    private static async Task<(string Method, StatusCode Status, string Detail)> StatusOfAsync(CallInvoker invoker, Method<byte[], byte[]> method, byte[] payload)
    {
        try
        {
            await invoker.AsyncUnaryCall(method, null, new CallOptions(), payload);
            return (method.FullName, StatusCode.OK, "");
        }
        catch (RpcException e)
        {
            return (method.FullName, e.StatusCode, e.Status.Detail);
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// Every unary method of the running server whose policy writes (any permission but reading, or anonymous sign-in),
    /// with its request type: methods added later are fuzzed without touching this test.
    /// </summary>
    private static Dictionary<string, MessageDescriptor> UnaryWriteMethods(RunningServer server) =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .OfType<IMethod>()
            .Where(m => m.Type == MethodType.Unary && m.ServiceName.StartsWith("eduquality.", StringComparison.Ordinal))
            .Where(m => MethodPolicies.Find(m.FullName) is { } policy && (policy.IsAnonymous || !ReadPermissions.Contains(policy.Permission!.Value)))
            .DistinctBy(m => m.FullName)
            .ToDictionary(m => m.FullName, m => RequestDescriptor(m));

    private static MessageDescriptor RequestDescriptor(IMethod method) =>
        (MessageDescriptor)method.GetType().GetGenericArguments()[0].GetProperty("Descriptor")!.GetValue(null)!;

    /// <summary>
    /// A well-formed message of the method's type with random values. The hand-made ones always hold at least one invalid
    /// value; any other method gets every field filled at random (codes then name nothing that exists).
    /// </summary>
    private static IMessage RandomMessage(string method, MessageDescriptor input, Random random) => method.Split('/')[2] switch
    {
        "SubmitBatch" => new ResultBatch
        {
            BatchId = Text(random),
            Procedure = (Procedure)random.Next(-2, 8),
            Year = random.Next(-5, 3000),
            Rows =
            {
                Enumerable.Range(0, random.Next(1, 6)).Select(_ => new ResultRow
                {
                    ParticipantCode = Text(random),
                    SchoolCode = "NO-SUCH-" + Text(random),
                    ClassLabel = Text(random),
                    Grade = random.Next(-3, 15),
                    Subject = Text(random),
                    PrimaryScore = random.Next(int.MinValue, int.MaxValue),
                    MaxPrimaryScore = random.Next(int.MinValue, int.MaxValue),
                    Mark = random.Next(-10, 10),
                    TestScore = random.Next(-200, 200),
                    TermMark = random.Next(-10, 10),
                    TaskPoints = { random.Next(), -random.Next() },
                    TaskMaxPoints = { random.Next() },
                }),
            },
        },
        "RegisterOrganizations" => new RegisterOrganizationsRequest
        {
            Organizations =
            {
                new Organization { Code = Text(random), Level = (OrganizationLevel)random.Next(0, 4), Name = Text(random), ParentCode = Text(random) },
                new Organization { Code = Text(random), Level = (OrganizationLevel)random.Next(4, 99), Name = Text(random) },
            },
        },
        "MoveSchool" => new MoveSchoolRequest { SchoolCode = Text(random), NewParentCode = Text(random), EffectiveFrom = Text(random) },
        "IssueKey" => new IssueKeyRequest { Name = Text(random), Role = (Role)random.Next(-1, 9), Scope = "NO-SUCH-" + Text(random), ExpiresAt = Text(random) },
        "RevokeKey" => new RevokeKeyRequest { KeyId = Text(random) },
        "CreateUser" => new CreateUserRequest { Login = Text(random), Password = Text(random), Role = (Role)random.Next(-1, 9), Scope = "NO-SUCH-" + Text(random) },
        "SignIn" => new SignInRequest { Login = Text(random), Password = Text(random) },
        _ => RandomFields(input, random, depth: 0),
    };

    private static IMessage RandomFields(MessageDescriptor descriptor, Random random, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.Message && (depth > 2 || field.IsMap))
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (System.Collections.IList)field.Accessor.GetValue(message);
                for (var i = random.Next(0, 3); i > 0; i--)
                {
                    list.Add(RandomValue(field, random, depth));
                }
            }
            else
            {
                field.Accessor.SetValue(message, RandomValue(field, random, depth));
            }
        }

        return message;
    }

    private static object RandomValue(FieldDescriptor field, Random random, int depth) => field.FieldType switch
    {
        // Half the codes name a real organisation, so the call passes the scope check and reaches validation.
        FieldType.String when field.Name.EndsWith("_code", StringComparison.Ordinal) && random.Next(2) == 0 => RealCodes[random.Next(RealCodes.Length)],
        FieldType.String => Text(random),
        FieldType.Bool => random.Next(2) == 1,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => random.Next(-5, 3000),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => (long)random.Next(-5, 3000),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)random.Next(0, 3000),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)random.Next(0, 3000),
        FieldType.Double => random.NextDouble() * 200 - 50,
        FieldType.Float => (float)(random.NextDouble() * 200 - 50),
        FieldType.Enum => random.Next(-1, field.EnumType.Values.Count + 1),
        FieldType.Bytes => ByteString.CopyFrom(RandomBytes(random)),
        FieldType.Message => RandomFields(field.MessageType, random, depth + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.FieldType, null),
    };

    private static string Text(Random random)
    {
        const string alphabet = "abcXYZ019-_./ \u0000\t'\";%\\<>Ёжык漢字🙂";
        var length = random.Next(0, 60);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
                if (char.IsSurrogate(span[i]))
                {
                    span[i] = 'x';
                }
            }
        });
    }

    private static async Task<(long Results, long Organizations, long Keys, long Users)> CountsAsync(RunningServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        async Task<long> Count(string sql)
        {
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

        return (await Count("SELECT count(*) FROM assessment_result"), await Count("SELECT count(*) FROM organization"),
            await Count("SELECT count(*) FROM api_key"), await Count("SELECT count(*) FROM app_user"));
    }
}
