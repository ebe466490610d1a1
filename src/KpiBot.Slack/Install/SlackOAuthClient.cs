using System.Net.Http.Headers;
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

        var credential = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{slack.ClientId}:{slack.ClientSecret}")));
        return await SlackWebApi.CallAsync(
            http, slack.ApiBaseUrl, Method, new FormUrlEncodedContent(form), credential, InstallJsonContext.Default.OAuthAccessResponse, cancellationToken).ConfigureAwait(false);
    }
}
