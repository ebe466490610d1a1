using System.Net;

namespace KpiBot.Core.Access;

/// <summary>
/// The one rule for "a request from this machine" that operator access (the job dashboard, the Bot Framework
/// Emulator mode) relies on. It is applied after the host has read forwarded headers from its configured proxies
/// only: a trusted proxy's forwarded client address has then replaced the connecting one and its headers are gone,
/// so what is left is either a direct connection or a request some proxy forwarded on another's behalf.
/// </summary>
public static class LocalRequests
{
    /// <summary>Headers a proxy adds for the client it forwards; any left over means "not from this machine".</summary>
    public static IReadOnlyList<string> ForwardingHeaders { get; } = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    /// <summary>
    /// True when <paramref name="client"/> (the connecting address, or the one a trusted proxy forwarded) is
    /// loopback and the request carries no forwarding header that was not consumed (<paramref name="carries"/> asks
    /// whether a header is present): an untrusted proxy on this machine cannot pass a remote client off as local.
    /// </summary>
    public static bool IsLocal(IPAddress? client, Func<string, bool> carries)
    {
        ArgumentNullException.ThrowIfNull(carries);
        if (client is { IsIPv4MappedToIPv6: true })
        {
            client = client.MapToIPv4();
        }

        return client is not null && IPAddress.IsLoopback(client) && !ForwardingHeaders.Any(carries);
    }
}
