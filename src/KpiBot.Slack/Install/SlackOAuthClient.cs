using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using KpiBot.Slack.Api;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Install;

/// <summary>
/// <c>oauth.v2.access</c>: trades the code Slack put in the redirect for the workspace's bot token. The client id
/// and secret go as HTTP Basic credentials (never in a URL, never logged). <c>ok:false</c> throws
/// <see cref="SlackApiException"/> with Slack's error (<c>invalid_code</c>, <c>bad_redirect_uri</c>, …).
/// </summary>
public sealed class SlackOAuthClient(HttpClient http, IOptions<SlackOptions> options, IOptions<SlackInstallOptions> install)
{
    private const string Method = "oauth.v2.access";

    internal async Task<OAuthAccessResponse> AccessAsync(string code, CancellationToken cancellationToken)
    {
        var slack = options.Value;
        if (string.IsNullOrEmpty(slack.ClientId) || string.IsNullOrEmpty(slack.ClientSecret))
        {
            throw new SlackApiException("not_configured", Method);
        }

        List<KeyValuePair<string, string>> form = [new("code", code)];
        if (install.Value.RedirectUrl is { } redirect)
        {
            form.Add(new("redirect_uri", redirect.ToString()));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiBaseUrl, Method)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{slack.ClientId}:{slack.ClientSecret}")));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackRateLimitedException(Method, response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new SlackApiException($"http_{(int)response.StatusCode}", Method);
        }

        OAuthAccessResponse? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync(InstallJsonContext.Default.OAuthAccessResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new SlackApiException("invalid_response", Method);
        }

        if (answer is null)
        {
            throw new SlackApiException("invalid_response", Method);
        }

        return answer.Ok ? answer : throw new SlackApiException(answer.Error ?? "unknown_error", Method);
    }
}
