using System.Globalization;
using System.Text;
using System.Text.Json;
using EduQuality.Api.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace EduQuality.WebConsole.Access;

/// <summary>
/// Signs a user in with the server's own user store (AuthService.SignIn) and keeps the token it issues in the
/// console's session cookie, which expires with the token.
/// </summary>
public sealed class ConsoleSignIn(ConsoleBackend backend)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Signs in; false when the login or password is wrong.</summary>
    public async Task<bool> SignInAsync(HttpContext http, string login, string password)
    {
        SignInResponse response;
        try
        {
            response = await backend.Auth.SignInAsync(new SignInRequest { Login = login, Password = password }, cancellationToken: http.RequestAborted);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.InvalidArgument)
        {
            return false;
        }

        var claims = TokenClaims(response.AccessToken);
        var user = new ConsoleUser(
            claims.GetProperty(ConsoleUser.LoginClaim).GetString() ?? login,
            Enum.Parse<Domain.Security.Role>(claims.GetProperty(ConsoleUser.RoleClaim).GetString() ?? "", ignoreCase: true),
            claims.GetProperty(ConsoleUser.ScopeClaim).GetString() ?? "",
            response.AccessToken);
        var expires = DateTimeOffset.Parse(response.ExpiresAt, CultureInfo.InvariantCulture);
        await http.SignInAsync(Scheme, new(user.ToIdentity(Scheme)), new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = false });
        return true;
    }

    /// <summary>The payload of a token the server itself has just issued (its signature is the server's business).</summary>
    private static JsonElement TokenClaims(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.Clone();
    }
}
