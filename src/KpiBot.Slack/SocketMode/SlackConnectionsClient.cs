using System.Net.Http.Headers;
using KpiBot.Slack.Api;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c>: trades the app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) for a
/// temporary WebSocket URL. The token goes in the Authorization header only; the URL carries a ticket and is
/// never logged. <c>ok:false</c> throws <see cref="SlackApiException"/>, 429 <see cref="SlackRateLimitedException"/>.
/// </summary>
public sealed class SlackConnectionsClient(HttpClient http, IOptions<SlackOptions> options)
{
    private const string Method = "apps.connections.open";

    public async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        var token = options.Value.AppToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new SlackApiException("not_configured", Method);
        }

        var answer = await SlackWebApi.CallAsync(
            http, options.Value.ApiBaseUrl, Method, new FormUrlEncodedContent([]), new AuthenticationHeaderValue("Bearer", token),
            SocketModeJsonContext.Default.ConnectionsOpenResponse, cancellationToken).ConfigureAwait(false);
        if (!Uri.TryCreate(answer.Url, UriKind.Absolute, out var url) || !IsAllowed(url))
        {
            throw new SlackApiException("invalid_url", Method);
        }

        return url;
    }

    /// <summary>Production requires <c>wss</c>; plain <c>ws</c> only to a loopback host (tests' fake server).</summary>
    internal static bool IsAllowed(Uri url) =>
        url.Scheme == "wss" || (url.Scheme == "ws" && url.IsLoopback);
}
