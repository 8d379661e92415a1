using EduQuality.WebConsole.Access;
using EduQuality.WebConsole.Components;
using EduQuality.WebConsole.Exports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EduQuality.WebConsole;

/// <summary>
/// Wires the admin console into the server: Blazor with interactive server rendering, a session cookie for users
/// signed in with the server's user store, and the export and report downloads (docs/adr/0018).
/// </summary>
public static class ConsoleHosting
{
    /// <summary>Every console page and download requires a user signed in to the console.</summary>
    public const string Policy = "console-user";

    /// <param name="services">The server's services.</param>
    /// <param name="grpcAddress">The server's own gRPC listener, reached over loopback.</param>
    public static void AddEduQualityConsole(this IServiceCollection services, string grpcAddress)
    {
        services.AddSingleton(new ConsoleOptions(grpcAddress));
        services.AddSingleton<ConsoleBackend>();
        services.AddSingleton<ConsoleSignIn>();
        services.AddAuthentication().AddCookie(ConsoleSignIn.Scheme, cookie =>
        {
            cookie.Cookie.Name = "eduq.console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = "/login";
            cookie.AccessDeniedPath = "/login";
            cookie.SlidingExpiration = false;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(ConsoleSignIn.Scheme).RequireAuthenticatedUser());
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
    }

    /// <summary>Maps the console; call after routing, authentication and authorization are in the pipeline.</summary>
    /// <param name="app">The server.</param>
    /// <param name="staticAssetsManifest">The host's static web assets endpoint manifest (it carries the Blazor script).</param>
    public static void MapEduQualityConsole(this WebApplication app, string staticAssetsManifest)
    {
        app.UseAntiforgery();
        app.MapStaticAssets(staticAssetsManifest);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(Policy);
        app.MapGet("/console/style.css", () => Results.Stream(
            typeof(ConsoleHosting).Assembly.GetManifestResourceStream("EduQuality.WebConsole.console.css")!, "text/css; charset=utf-8")).AllowAnonymous();
        var console = app.MapGroup("/console").RequireAuthorization(Policy);
        ExportEndpoints.Map(console);
        console.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(ConsoleSignIn.Scheme);
            return Results.Redirect("/login");
        });
    }
}
