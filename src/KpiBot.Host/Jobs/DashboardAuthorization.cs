using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using KpiBot.Host.Hosting;

namespace KpiBot.Host.Jobs;

/// <summary>
/// The dashboard shows job arguments and lets people delete jobs: it answers local requests by the operator-access
/// rule (<see cref="OperatorAccess"/>: forwarded headers from configured proxies only), and others only with the
/// configured token (compared in constant time). No token configured → local only.
/// </summary>
public sealed class DashboardAuthorization(string? token) : IDashboardAuthorizationFilter
{
    public const string CookieName = "kpibot-dashboard";

    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (OperatorAccess.IsLocal(http))
        {
            return true;
        }

        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        // The token comes as a bearer header or ?token= once; the cookie then holds only a hash of it.
        var header = http.Request.Headers.Authorization.ToString();
        var offered = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : http.Request.Query["token"].ToString();
        var expectedCookie = CookieValue(token);
        if (offered.Length > 0)
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(token)))
            {
                return false;
            }

            http.Response.Cookies.Append(CookieName, expectedCookie, new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict });
            return true;
        }

        var cookie = http.Request.Cookies[CookieName] ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), Encoding.UTF8.GetBytes(expectedCookie));
    }

    private static string CookieValue(string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "kpibot-dashboard"u8));
}
