using System.Net;
using System.Net.Sockets;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>Finds TCP ports free on the loopback interface.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
