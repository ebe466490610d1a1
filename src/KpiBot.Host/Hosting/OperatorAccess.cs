using KpiBot.Core.Access;

namespace KpiBot.Host.Hosting;

/// <summary>
/// Who may use the operator endpoints that have no sign-in of their own (today the job dashboard at /hangfire): a
/// request from this machine by <see cref="LocalRequests"/> — the same rule the Teams Emulator mode uses — judged
/// after forwarded headers from the configured proxies only (<see cref="ProxySettings"/>); anyone else needs the
/// operator's token.
/// </summary>
public static class OperatorAccess
{
    public static bool IsLocal(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return LocalRequests.IsLocal(http.Connection.RemoteIpAddress, header => http.Request.Headers.ContainsKey(header));
    }
}
