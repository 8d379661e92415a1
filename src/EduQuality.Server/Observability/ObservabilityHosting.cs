using EduQuality.Grains.Rollup;
using EduQuality.Server.Security;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace EduQuality.Server.Observability;

/// <summary>
/// Wires observability into the server: OpenTelemetry metrics (ingest, rollup lag, Orleans, ASP.NET Core, Npgsql)
/// with a Prometheus scrape endpoint on the HTTP port, traces to an OTLP collector when one is configured, JSON
/// console logs on request, and the Orleans dashboard for region administrators.
/// </summary>
public static class ObservabilityHosting
{
    /// <summary>Authorization policy of the dashboard: an authenticated region administrator, on the HTTP port.</summary>
    public const string AdministratorPolicy = "region-administrator";

    /// <summary>Meter of the Orleans runtime (activations, messaging, grain calls).</summary>
    private const string OrleansMeter = "Microsoft.Orleans";

    public static ObservabilityOptions Configure(WebApplicationBuilder builder, int httpPort)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<RollupMetrics>();
        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("eduquality", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IngestMetrics.MeterName, RollupMetrics.MeterName, OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.OtlpEndpoint.Length > 0)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(options.OtlpEndpoint));
                }
            });
        if (options.OtlpEndpoint.Length > 0)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(IngestMetrics.ActivitySourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(otlp => otlp.Endpoint = new Uri(options.OtlpEndpoint)));
        }

        // The port is checked on the connection, not on the Host header, which a reverse proxy may rewrite.
        builder.Services.AddAuthorization(authorization => authorization.AddPolicy(AdministratorPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(SecurityClaims.Role, nameof(Domain.Security.Role.RegionAdministrator))
            .RequireAssertion(context => context.Resource is HttpContext http && http.Connection.LocalPort == httpPort)));
        return options;
    }

    /// <summary>The dashboard's grains and telemetry in a silo (every silo, so that each reports its own).</summary>
    public static void AddDashboard(ISiloBuilder silo, ObservabilityOptions options)
    {
        if (options.Dashboard)
        {
            silo.AddDashboard();
        }
    }

    /// <summary>The dashboard's client side in an API-only front end.</summary>
    public static void AddDashboard(IClientBuilder client, ObservabilityOptions options)
    {
        if (options.Dashboard)
        {
            client.AddDashboard();
        }
    }

    /// <summary>Serves /metrics and /dashboard on the HTTP port only (the connection's local port decides).</summary>
    public static void Map(WebApplication app, ObservabilityOptions options, int httpPort)
    {
        if (options.Prometheus)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
                http.Connection.LocalPort == httpPort && http.Request.Path.Equals(options.MetricsPath, StringComparison.OrdinalIgnoreCase));
        }

        if (options.Dashboard)
        {
            app.MapOrleansDashboard(routePrefix: options.DashboardPath).RequireAuthorization(AdministratorPolicy);
        }
    }
}
