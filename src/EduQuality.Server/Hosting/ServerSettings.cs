namespace EduQuality.Server.Hosting;

/// <summary>
/// The server's settings, section "EduQuality" (environment variables EduQuality__Name). Every setting and its
/// default is listed in README.md.
/// </summary>
public sealed class ServerSettings
{
    public const string Section = "EduQuality";

    /// <summary>PostgreSQL connection string; when empty, a local server is started in <see cref="DataDirectory"/>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Folder for the local PostgreSQL data when no connection string is given.</summary>
    public string DataDirectory { get; set; } = ".eduq";

    /// <summary>Address the gRPC and HTTP listeners bind to.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>HTTP/2 (h2c) port for gRPC.</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>HTTP/1.1 port for JSON (gRPC transcoding) and the console.</summary>
    public int HttpPort { get; set; } = 5081;

    /// <summary>Address other silos and clients reach this silo at (in a container: the pod or container IP).</summary>
    public string SiloAddress { get; set; } = "127.0.0.1";

    /// <summary>Orleans silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Orleans cluster id: silos with the same id and database form one cluster.</summary>
    public string ClusterId { get; set; } = "eduquality";

    /// <summary>Orleans service id: names the grain state of this deployment; keep it across upgrades.</summary>
    public string ServiceId { get; set; } = "eduquality";

    /// <summary>
    /// "Silo" (default): this process hosts grains and serves the API. "Api": an API-only front end with no grains,
    /// an Orleans client that reaches the silos through their gateways, so the API tier scales apart from the grain tier.
    /// </summary>
    public string Role { get; set; } = "Silo";

    /// <summary>Load the demo region through the public API when the database has no organisations.</summary>
    public bool LoadDemoWhenEmpty { get; set; }

    /// <summary>Optional JSON file replacing the shipped threshold table (ЕГЭ minimums, high-score rules).</summary>
    public string ThresholdsFile { get; set; } = "";

    /// <summary>Coalescing window of rollups, in milliseconds.</summary>
    public int RollupCoalesceMilliseconds { get; set; } = 100;

    /// <summary>How long a region's results and context must stay unchanged before its analysis is recomputed.</summary>
    public int AnalysisDebounceMilliseconds { get; set; } = 5000;

    /// <summary>How often a region's analysis checks that the data it read is still the stored data (heals a lost change signal).</summary>
    public int AnalysisHealMilliseconds { get; set; } = 60_000;
}
