using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiBot.Slack.SocketMode;

/// <summary>Registers Socket Mode; the host calls <c>services.AddSlack().AddSlackSocketMode()</c> (Slack's inbound handler must be registered too).</summary>
public static class SocketModeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the connection to Slack as a hosted service. It reads <c>Slack:AppToken</c> when the host starts: unset,
    /// it logs that Socket Mode is off and stops; set, it connects (and keeps reconnecting) until the host stops.
    /// Deciding at start rather than here lets environment variables and test hosts' settings count.
    /// </summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services)
    {
        services.AddHttpClient<SlackConnectionsClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(SocketModeBackoff.Default);
        services.AddHostedService<SlackSocketModeService>();
        return services;
    }
}
