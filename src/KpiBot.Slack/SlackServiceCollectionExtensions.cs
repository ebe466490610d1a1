using KpiBot.Slack.Api;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiBot.Slack;

/// <summary>Registers the Slack adapter's services; the host decides which endpoints and ports to use.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SlackOptions"/> from the <c>Slack</c> section (environment: <c>Slack__BotToken</c>) and
    /// registers the signature verifier, the request reader and the Web API client. The chat port is left to
    /// the host (it needs the identity store and the recipients' language).
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackRequestReader>();
        services.AddHttpClient<SlackApiClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
