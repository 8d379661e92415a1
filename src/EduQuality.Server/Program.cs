using System.Globalization;
using EduQuality.Server.Hosting;
using EduQuality.Server.Security;

var app = await EduQualityHost.BuildAsync(args);
await app.StartAsync();
var settings = app.Services.GetRequiredService<ServerSettings>();
var administrator = app.Services.GetRequiredService<BootstrapKey>();
var json = string.Create(CultureInfo.InvariantCulture, $"http://{settings.ListenAddress}:{settings.HttpPort}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

    EduQuality is serving
      gRPC (HTTP/2, h2c):   http://{settings.ListenAddress}:{settings.GrpcPort}   (reflection and grpc.health.v1 enabled)
      JSON (HTTP/1.1):      {json}   for example: curl -H 'x-api-key: <key>' {json}/v1/organizations/R99/children
      Administrator key:    {(administrator.WasGenerated ? administrator.Value + "   (made for this run only; send as metadata x-api-key; set EduQuality:Security:BootstrapKey to keep one)" : "as configured (EduQuality:Security:BootstrapKey)")}
      PostgreSQL:           {(settings.ConnectionString.Length > 0 ? "as configured" : $"local server, data in {Path.GetFullPath(Path.Combine(settings.DataDirectory, "pgdata"))}")}
    Press Ctrl+C to stop.

    """));
await app.WaitForShutdownAsync();
