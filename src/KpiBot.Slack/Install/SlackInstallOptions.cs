namespace KpiBot.Slack.Install;

/// <summary>
/// The OAuth install's addresses, from the same <c>Slack</c> section as <see cref="SlackOptions"/> (which holds
/// <c>ClientId</c> and <c>ClientSecret</c>). Both are options so tests and other Slack clouds can point them elsewhere.
/// </summary>
public sealed class SlackInstallOptions
{
    /// <summary>Where <c>/slack/install</c> sends the browser (Slack's consent screen).</summary>
    public Uri OAuthAuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>
    /// This host's public <c>…/slack/oauth_redirect</c>, as listed under the app's Redirect URLs. Unset: Slack uses
    /// the app's only redirect URL, and the parameter is left out of both calls.
    /// </summary>
    public Uri? RedirectUrl { get; set; }
}
