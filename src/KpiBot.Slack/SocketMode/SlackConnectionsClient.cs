using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, Method)) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackRateLimitedException(Method, response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new SlackApiException($"http_{(int)response.StatusCode}", Method);
        }

        ConnectionsOpenResponse? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync(SocketModeJsonContext.Default.ConnectionsOpenResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new SlackApiException("invalid_response", Method);
        }

        if (answer is null)
        {
            throw new SlackApiException("invalid_response", Method);
        }

        if (!answer.Ok)
        {
            throw new SlackApiException(answer.Error ?? "unknown_error", Method);
        }

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
