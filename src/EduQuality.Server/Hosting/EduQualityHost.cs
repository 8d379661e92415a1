using System.Net;
using EduQuality.Domain.Reference;
using EduQuality.Grains.Rollup;
using EduQuality.Server.Rpc;
using EduQuality.Server.Hierarchy;
using EduQuality.Server.Ingest;
using EduQuality.Server.Services;
using EduQuality.Storage.Ingest;
using EduQuality.Storage.Migrations;
using EduQuality.Storage.Organizations;
using EduQuality.Storage.Postgres;
using EduQuality.Storage.Results;
using EduQuality.Storage.Rollup;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

namespace EduQuality.Server.Hosting;

/// <summary>
/// Composes the server: PostgreSQL (given, or a local one started on demand), schema migrations, an Orleans silo
/// with ADO.NET clustering and storage, gRPC with JSON transcoding, reflection and health.
/// </summary>
public static class EduQualityHost
{
    /// <summary>Maximum size of one gRPC message: a batch of 50 000 rows with per-task points fits.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var settings = builder.Configuration.GetSection(ServerSettings.Section).Get<ServerSettings>() ?? new ServerSettings();
        var connectionString = FirstNonEmpty(settings.ConnectionString, builder.Configuration.GetConnectionString("EduQuality"));

        LocalPostgres? localPostgres = null;
        if (connectionString.Length == 0)
        {
            localPostgres = await LocalPostgres.StartPersistentAsync(Path.Combine(settings.DataDirectory, "pgdata"), "eduquality");
            connectionString = localPostgres.ConnectionString;
            builder.Services.AddSingleton(localPostgres);
        }

        await new SchemaMigrator(connectionString).ApplyAsync();

        ConfigureKestrel(builder, settings);
        ConfigureServices(builder.Services, settings, connectionString);
        ConfigureOrleans(builder, settings, connectionString);

        var app = builder.Build();
        MapEndpoints(app);
        if (localPostgres is not null)
        {
            app.Lifetime.ApplicationStopped.Register(() => localPostgres.StopServerAsync().GetAwaiter().GetResult());
        }

        return app;
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ServerSettings settings)
    {
        var address = IPAddress.Parse(settings.ListenAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxMessageBytes;
            kestrel.Listen(address, settings.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, settings.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
    }

    private static void ConfigureServices(IServiceCollection services, ServerSettings settings, string connectionString)
    {
        services.AddSingleton(settings);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<ResultPartitions>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<RawRollupQuery>();
        services.AddSingleton<ContributionStore>();
        services.AddSingleton<OrganizationStore>();
        services.AddSingleton<BatchRegistry>();
        services.AddSingleton(LoadThresholds(settings));
        services.Configure<RollupOptions>(o => o.CoalesceInterval = TimeSpan.FromMilliseconds(settings.RollupCoalesceMilliseconds));
        services.AddSingleton<OrganizationDirectory>();
        services.AddSingleton<BatchIngestor>();
        services.AddHostedService<DemoSeeder>();

        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ExceptionMappingInterceptor>();
            options.MaxReceiveMessageSize = MaxMessageBytes;
            options.MaxSendMessageSize = MaxMessageBytes;
        }).AddJsonTranscoding();
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddAsyncCheck("postgres", async cancellationToken =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL is unreachable", e);
            }
        });
    }

    private static void ConfigureOrleans(WebApplicationBuilder builder, ServerSettings settings, string connectionString)
    {
        if (!Enum.TryParse<Role>(settings.Role, ignoreCase: true, out var role))
        {
            throw new InvalidOperationException($"EduQuality:Role is '{settings.Role}'; it must be Silo or Api.");
        }

        if (role == Role.Api)
        {
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o => ConfigureCluster(o, settings));
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
                AddDomainSerialization(client.Services);
            });
            return;
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => ConfigureCluster(o, settings));
            silo.ConfigureEndpoints(IPAddress.Parse(settings.SiloAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.ListenAddress == "0.0.0.0");
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddAdoNetGrainStorage("Default", o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            AddDomainSerialization(silo.Services);
            silo.Services.AddHostedService<RollupSweeper>();
        });
    }

    private static void ConfigureCluster(ClusterOptions options, ServerSettings settings)
    {
        options.ClusterId = settings.ClusterId;
        options.ServiceId = settings.ServiceId;
    }

    /// <summary>Domain types cross grain calls as JSON (docs/adr/0002); silos and clients must agree.</summary>
    private static void AddDomainSerialization(IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("EduQuality.Domain", StringComparison.Ordinal) == true,
            Domain.Summaries.SummaryJson.Options));

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGrpcService<OrganizationGrpcService>();
        app.MapGrpcService<IngestGrpcService>();
        app.MapGrpcService<QueryGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
    }

    private static ThresholdTable LoadThresholds(ServerSettings settings)
    {
        if (settings.ThresholdsFile.Length == 0)
        {
            return ThresholdTable.Default;
        }

        using var file = File.OpenRead(settings.ThresholdsFile);
        return ThresholdTable.Load(file, settings.ThresholdsFile);
    }

    private enum Role
    {
        Silo,
        Api,
    }

    private static string FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
}
