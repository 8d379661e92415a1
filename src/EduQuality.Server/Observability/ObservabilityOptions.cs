namespace EduQuality.Server.Observability;

/// <summary>
/// Metrics, traces, logs and the Orleans dashboard; section "EduQuality:Observability" (environment variables
/// EduQuality__Observability__Name). docs/operations.md lists every setting.
/// </summary>
public sealed class ObservabilityOptions
{
    public const string Section = "EduQuality:Observability";

    /// <summary>Serve Prometheus metrics at <see cref="MetricsPath"/> on the HTTP port.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Path of the Prometheus scrape endpoint.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>OTLP endpoint (for example http://collector:4317) that receives traces and metrics; empty: none.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>Serve the Orleans dashboard at <see cref="DashboardPath"/> to region administrators.</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Path of the Orleans dashboard on the HTTP port.</summary>
    public string DashboardPath { get; set; } = "/dashboard";

    /// <summary>Write logs to the console as one JSON object per line, with trace ids and scopes.</summary>
    public bool JsonLogs { get; set; }
}
