using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace KpiBot.Host.Jobs;

/// <summary>
/// The dashboard shows job arguments and lets people delete jobs: it answers local requests, and remote
/// ones only with the configured token (compared in constant time). No token configured → local only.
/// </summary>
public sealed class DashboardAuthorization(string? token) : IDashboardAuthorizationFilter
{
    public const string CookieName = "kpibot-dashboard";

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && IPAddress.IsLoopback(remote))
        {
            return true;
        }

        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var offered = http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header["Bearer ".Length..]
            : http.Request.Query["token"].ToString() is { Length: > 0 } query ? query
            : http.Request.Cookies[CookieName] ?? "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(token)))
        {
            return false;
        }

        http.Response.Cookies.Append(CookieName, offered, new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict });
        return true;
    }
}
