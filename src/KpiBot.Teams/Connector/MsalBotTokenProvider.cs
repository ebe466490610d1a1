using Microsoft.Identity.Client;

namespace KpiBot.Teams.Connector;

/// <summary>
/// The Bot Connector token by client credentials with MSAL, from the bot's own tenant (single-tenant) or
/// <c>botframework.com</c> (multi-tenant). MSAL caches the token in memory and fetches a new one shortly
/// before it expires. Without an app id and password it refuses to start: nothing is sent unauthenticated.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public MsalBotTokenProvider(TeamsOptions options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AppId) || string.IsNullOrWhiteSpace(options.AppPassword))
        {
            throw new InvalidOperationException("Teams:AppId and Teams:AppPassword are needed to send to Teams.");
        }

        var builder = ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithClientSecret(options.AppPassword)
            .WithAuthority(options.TokenAuthority.AbsoluteUri, validateAuthority: options.AuthorityInstanceDiscovery)
            .WithInstanceDiscovery(options.AuthorityInstanceDiscovery);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        _app = builder.Build();
        _scopes = [options.TokenScope];
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}
