using EduQuality.Server.Hosting;

var app = await EduQualityHost.BuildAsync(args);
await app.RunAsync();
