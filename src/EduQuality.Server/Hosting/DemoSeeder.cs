using System.Globalization;
using System.Security.Cryptography;
using EduQuality.Api.Clients;
using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Server.Security;
using EduQuality.Storage.Organizations;

namespace EduQuality.Server.Hosting;

/// <summary>
/// Loads the demo region into an empty database once the server is listening, through the server's own public
/// gRPC API, exactly as an outside system would (setting LoadDemoWhenEmpty).
/// </summary>
public sealed class DemoSeeder(
    ServerSettings settings, OrganizationStore organizations, BootstrapKey administrator, IHostApplicationLifetime lifetime, ILogger<DemoSeeder> logger) : BackgroundService
{
    /// <summary>Login of the console user the demo creates.</summary>
    public const string DemoUser = "demo.analyst";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.LoadDemoWhenEmpty || !await WaitForStartAsync(stoppingToken) || await organizations.AnyAsync(stoppingToken))
        {
            return;
        }

        var demo = DemoRegion.Generate(new DemoOptions());
        logger.LogWarning(
            "The database is empty: loading demo region {Region} ({Schools} schools, about {Rows:N0} results) through the gRPC API",
            DemoRegion.RegionCode, demo.Schools.Count, demo.EstimatedRowCount);
        using var channel = EduQualityChannel.Create(string.Create(CultureInfo.InvariantCulture, $"http://{settings.ListenAddress}:{settings.GrpcPort}"), administrator.Value);
        var report = await new DemoLoader().LoadAsync(channel, demo, parallelism: 4, progress: null, stoppingToken);
        logger.LogWarning(
            "Demo region loaded: {Rows:N0} results in {Seconds:N0} s ({Rate:N0} rows/s)",
            report.RowsSent, report.ResultsElapsed.TotalSeconds, report.RowsSent / Math.Max(0.001, report.ResultsElapsed.TotalSeconds));
        await LogFindingsAsync(channel, demo.Options.Years.Max(), stoppingToken);
        await CreateConsoleUserAsync(channel, stoppingToken);
    }

    /// <summary>
    /// A region analyst for the console, created through the public API with a random password that is shown once, here:
    /// the demo can be looked at in a browser without first creating a user by hand.
    /// </summary>
    private async Task CreateConsoleUserAsync(Grpc.Net.Client.GrpcChannel channel, CancellationToken stoppingToken)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
        await new AdminService.AdminServiceClient(channel).CreateUserAsync(
            new CreateUserRequest { Login = DemoUser, Password = password, Role = Role.RegionAnalyst, Scope = DemoRegion.RegionCode },
            cancellationToken: stoppingToken);
        logger.LogWarning(
            "Консоль: http://{Address}:{Port}/ — вход {Login}, пароль {Password} (аналитик региона {Region}; пароль показан один раз)",
            settings.ListenAddress, settings.HttpPort, DemoUser, password, DemoRegion.RegionCode);
    }

    /// <summary>What the analysis found in the demo's last year, read through the public API as a user would.</summary>
    private async Task LogFindingsAsync(Grpc.Net.Client.GrpcChannel channel, int year, CancellationToken stoppingToken)
    {
        var analysis = new AnalysisService.AnalysisServiceClient(channel);
        var request = new AnalysisRequest { OrganizationCode = DemoRegion.RegionCode, Year = year };
        var lists = await analysis.GetLowResultsAsync(request, cancellationToken: stoppingToken);
        var objectivity = await analysis.GetObjectivityAsync(request, cancellationToken: stoppingToken);
        logger.LogWarning(
            "Анализ демо-региона {Region} за {Year} год: ШНОР {Shnor} ({ShnorCodes}), ШНСУ {Shnsu}, школ с признаками необъективности результатов {Flagged}. " +
            "Подробнее: GET /v1/analysis/{Region}/low-results?year={Year}, /objectivity, /recommendations, /indicators",
            DemoRegion.RegionCode, year, lists.Shnor.Count, string.Join(", ", lists.Shnor.Select(s => s.SchoolCode)), lists.Shnsu.Count,
            objectivity.Flagged.SchoolCodes.Count, DemoRegion.RegionCode, year);
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        return !stoppingToken.IsCancellationRequested;
    }
}
