using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EduQuality.WebConsole.Tests.Infrastructure;

/// <summary>
/// The real server with the small hand-made region (R1 / M1 {S11, S12} / M2 {S21}), console users of several
/// scopes, and browser pages at 1366×768 signed in as one of them.
/// </summary>
public sealed class ConsoleSite : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly List<IBrowserContext> _contexts = [];
    private readonly IBrowser _browser;

    private ConsoleSite(RunningServer server, IBrowser browser)
    {
        Server = server;
        _browser = browser;
    }

    public RunningServer Server { get; }

    /// <summary>Starts a server on a fresh database with the small region and users region.analyst (R1) and analyst.m1 (M1).</summary>
    public static async Task<ConsoleSite> StartAsync(
        PostgresFixture postgres, BrowserFixture browser, string name, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync(name), extraSettings: settings);
        await SmallRegion.RegisterAsync(server);
        var admin = new AdminService.AdminServiceClient(server.Channel);
        await admin.CreateUserAsync(new CreateUserRequest { Login = "region.analyst", Password = Password, Role = Role.RegionAnalyst, Scope = "R1" });
        await admin.CreateUserAsync(new CreateUserRequest { Login = "analyst.m1", Password = Password, Role = Role.MunicipalityAnalyst, Scope = "M1" });
        return new ConsoleSite(server, browser.Browser);
    }

    /// <summary>A new browser session (its own cookies) at 1366×768 that accepts downloads; not signed in.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.HttpAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            AcceptDownloads = true,
            Locale = "ru-RU",
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>A page signed in as <paramref name="login"/>, opened at <paramref name="path"/> and interactive.</summary>
    public async Task<IPage> OpenAsync(string login, string path)
    {
        var page = await SignedInAsync(login);
        await page.GotoAsync(path);
        await InteractiveAsync(page);
        return page;
    }

    /// <summary>A browser session signed in through the console's sign-in form.</summary>
    public async Task<IPage> SignedInAsync(string login)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/org/", StringComparison.Ordinal));
        await InteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Waits until an organisation page is interactive and has its data: the live indicator shows a version once the
    /// page has loaded and its subscription has delivered the first snapshot.
    /// </summary>
    public static async Task InteractiveAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('.live .version') !== null");

    /// <summary>
    /// ВПР mathematics grade 5 of 2025: S11 primary scores 18, 14, 10, 4 (marks 5, 4, 3, 2), S12 16, 6 (4, 2),
    /// S21 12, 8 (3, 3); of 2024: S11 8, 10 (3, 3). Settled through every level when this returns.
    /// </summary>
    public async Task IngestVprAsync()
    {
        await Server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-2025", Procedure.Vpr, 2025,
            SmallRegion.Vpr("P1", "S11", "5А", 18, 5, 5),
            SmallRegion.Vpr("P2", "S11", "5А", 14, 4, 4),
            SmallRegion.Vpr("P3", "S11", "5А", 10, 3, 4),
            SmallRegion.Vpr("P4", "S11", "5А", 4, 2, 3),
            SmallRegion.Vpr("P5", "S12", "5Б", 16, 4, 4),
            SmallRegion.Vpr("P6", "S12", "5Б", 6, 2, 3),
            SmallRegion.Vpr("P7", "S21", "5В", 12, 3, 3),
            SmallRegion.Vpr("P8", "S21", "5В", 8, 3, 3)));
        await Server.Ingest.SubmitBatchAsync(SmallRegion.Batch("vpr-2024", Procedure.Vpr, 2024,
            SmallRegion.Vpr("Q1", "S11", "4А", 8, 3, 3),
            SmallRegion.Vpr("Q2", "S11", "4А", 10, 3, 3)));
        await SmallRegion.SettleAsync(Server, "R1", 2025);
        await SmallRegion.SettleAsync(Server, "R1", 2024);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
