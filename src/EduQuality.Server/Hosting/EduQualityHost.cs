using System.Net;
using System.Security.Cryptography.X509Certificates;
using EduQuality.Api.Clients;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Reference;
using EduQuality.Grains.Rollup;
using EduQuality.Server.Hierarchy;
using EduQuality.Server.Ingest;
using EduQuality.Server.Observability;
using EduQuality.Server.Rpc;
using EduQuality.Server.Security;
using EduQuality.Server.Services;
using EduQuality.Storage.Ingest;
using EduQuality.Storage.Migrations;
using EduQuality.Storage.Organizations;
using EduQuality.Storage.Postgres;
using EduQuality.Storage.Results;
using EduQuality.Storage.Rollup;
using EduQuality.Storage.Security;
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
    /// <summary>Maximum size of one gRPC message, the same limit the clients use.</summary>
    private const int MaxMessageBytes = EduQualityChannel.MaxMessageBytes;

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json lives beside the binary, whichever folder the server is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var localTokenKey = await new SecretStore(dataSource).GetOrCreateAsync("local-token-signing-key", 64, CancellationToken.None);
            builder.Services.AddSingleton(new LocalTokens(localTokenKey, security, TimeProvider.System));
        }

        ConfigureKestrel(builder, settings, security);
        // The indicator catalogue is validated here: an invalid one stops start-up with file, entry and problem.
        var catalog = IndicatorCatalog.LoadOrThrow();
        builder.Services.AddSingleton(catalog);
        ConfigureServices(builder.Services, settings, connectionString);
        CycleHosting.AddCycle(builder.Services, builder.Configuration, catalog);
        SecurityHosting.Configure(builder.Services, security);
        var observability = ObservabilityHosting.Configure(builder, settings.HttpPort);
        ConfigureOrleans(builder, settings, connectionString, observability);
        ConsoleWiring.AddConsole(builder, settings, security);

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<MalformedMessageMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        MapEndpoints(app);
        ObservabilityHosting.Map(app, observability, settings.HttpPort);
        if (localPostgres is not null)
        {
            app.Lifetime.ApplicationStopped.Register(() => localPostgres.StopServerAsync().GetAwaiter().GetResult());
        }

        return app;
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ServerSettings settings, SecurityOptions security)
    {
        var address = IPAddress.Parse(settings.ListenAddress);
        var tls = security.CertificatePath.Length > 0;
        if (!tls && !IPAddress.IsLoopback(address) && !security.AllowInsecureNonLoopback)
        {
            throw new InvalidOperationException(
                $"Refusing plain h2c/HTTP on {settings.ListenAddress}: configure EduQuality:Security:CertificatePath for TLS, " +
                "or set EduQuality:Security:AllowInsecureNonLoopback=true behind a TLS-terminating proxy.");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxMessageBytes;
            kestrel.Listen(address, settings.GrpcPort, listen =>
            {
                // With TLS, ALPN negotiates HTTP/2 for gRPC; without it, the port speaks only h2c.
                listen.Protocols = tls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2;
                UseTls(listen, security);
            });
            kestrel.Listen(address, settings.HttpPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                UseTls(listen, security);
            });
        });
    }

    private static void UseTls(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen, SecurityOptions security)
    {
        if (security.CertificatePath.Length == 0)
        {
            return;
        }

        var certificate = security.CertificatePath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(security.CertificatePath, security.CertificatePassword.Length > 0 ? security.CertificatePassword : null)
            : X509CertificateLoader.LoadPkcs12FromFile(security.CertificatePath, security.CertificatePassword);
        listen.UseHttps(certificate);
    }

    private static void ConfigureServices(IServiceCollection services, ServerSettings settings, string connectionString)
    {
        services.AddSingleton(settings);
        // No session reset on return to the pool: the result store keeps its temporary table per connection.
        services.AddSingleton(_ => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString));
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
        services.AddAnalysis(settings);

        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ExceptionMappingInterceptor>();
            options.Interceptors.Add<InputGuardInterceptor>();
            options.Interceptors.Add<AuthorizationInterceptor>();
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

    private static void ConfigureOrleans(WebApplicationBuilder builder, ServerSettings settings, string connectionString, ObservabilityOptions observability)
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
                ObservabilityHosting.AddDashboard(client, observability);
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
            ObservabilityHosting.AddDashboard(silo, observability);
            CycleHosting.ConfigureSilo(silo, connectionString, builder.Configuration);
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
        app.MapGrpcService<AdminGrpcService>();
        app.MapGrpcService<AuthGrpcService>();
        CycleHosting.MapCycle(app);
        app.MapAnalysis();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        ConsoleWiring.MapConsole(app);
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
