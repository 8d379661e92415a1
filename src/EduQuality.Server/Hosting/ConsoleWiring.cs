using System.Net;
using EduQuality.WebConsole;
using EduQuality.Server.Security;

namespace EduQuality.Server.Hosting;

/// <summary>Hosts the admin console (src/EduQuality.WebConsole) in this server, talking to its own gRPC port.</summary>
public static class ConsoleWiring
{
    /// <summary>
    /// The host's static web assets (the Blazor script) are described by manifests beside the binary; they are named
    /// after this assembly, not after the process, which in tests is the test host.
    /// </summary>
    private static readonly string AssetsName = typeof(ConsoleWiring).Assembly.GetName().Name!;

    public static void AddConsole(WebApplicationBuilder builder, ServerSettings settings, SecurityOptions security)
    {
        // A build output serves the assets from the NuGet cache through this manifest; a published server has them in wwwroot.
        var development = Path.Combine(AppContext.BaseDirectory, $"{AssetsName}.staticwebassets.runtime.json");
        if (File.Exists(development))
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, development);
            builder.WebHost.UseStaticWebAssets();
        }

        builder.Services.AddEduQualityConsole(OwnGrpcAddress(settings, security));
    }

    public static void MapConsole(WebApplication app) =>
        app.MapEduQualityConsole(Path.Combine(AppContext.BaseDirectory, $"{AssetsName}.staticwebassets.endpoints.json"));

    /// <summary>This server's gRPC listener as seen from inside the process: the loopback address when bound to all.</summary>
    private static string OwnGrpcAddress(ServerSettings settings, SecurityOptions security)
    {
        var address = IPAddress.Parse(settings.ListenAddress);
        var host = address.Equals(IPAddress.Any) ? "127.0.0.1"
            : address.Equals(IPAddress.IPv6Any) ? "[::1]"
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]"
            : address.ToString();
        var scheme = security.CertificatePath.Length > 0 ? "https" : "http";
        return $"{scheme}://{host}:{settings.GrpcPort}";
    }
}
