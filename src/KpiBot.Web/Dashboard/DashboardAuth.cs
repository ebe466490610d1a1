using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace KpiBot.Web.Dashboard;

/// <summary>
/// The dashboard's session: an ASP.NET Core cookie of its own scheme (HttpOnly, Secure, SameSite=Lax, path
/// /dashboard, gone when the browser closes and after <see cref="SessionLifetime"/>), protected with the key ring
/// every host shares, so any host reads it. It holds only the person's id; their role and team are read from the
/// current goals on every request, so a change in the goals file applies at once.
/// </summary>
public static class DashboardAuth
{
    public const string Scheme = "KpiBot.Dashboard";
    public const string Policy = "KpiBot.Dashboard";
    public const string CookieName = "kpibot.dashboard";
    public const string BasePath = "/dashboard";
    public const string SignInPath = "/dashboard/signin";

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static void Configure(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.Path = BasePath;
        options.LoginPath = SignInPath;
        options.LogoutPath = BasePath + "/signout";
        options.AccessDeniedPath = SignInPath;
        options.ExpireTimeSpan = SessionLifetime;
        options.SlidingExpiration = false;
    }

    /// <summary>Starts a session for <paramref name="personId"/> (a browser-session cookie, not kept after closing).</summary>
    public static Task SignInAsync(HttpContext context, string personId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, personId)], Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>The signed-in person's id, or null.</summary>
    public static string? PersonId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identities.FirstOrDefault(i => i.AuthenticationType == Scheme && i.IsAuthenticated)?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
    }
}
