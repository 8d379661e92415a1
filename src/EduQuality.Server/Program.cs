using System.Globalization;
using EduQuality.Server.Hosting;

var app = await EduQualityHost.BuildAsync(args);
await app.StartAsync();
var settings = app.Services.GetRequiredService<ServerSettings>();
var json = string.Create(CultureInfo.InvariantCulture, $"http://{settings.ListenAddress}:{settings.HttpPort}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

    EduQuality is serving
      gRPC (HTTP/2, h2c):   http://{settings.ListenAddress}:{settings.GrpcPort}   (reflection and grpc.health.v1 enabled)
      JSON (HTTP/1.1):      {json}   for example: curl {json}/v1/organizations/R99/children
      PostgreSQL:           {(settings.ConnectionString.Length > 0 ? "as configured" : $"local server, data in {Path.GetFullPath(Path.Combine(settings.DataDirectory, "pgdata"))}")}
    Press Ctrl+C to stop.

    """));
await app.WaitForShutdownAsync();
