using KpiBot.Core.Inbound;
using KpiBot.Slack.Api;
using KpiBot.Slack.Handling;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.People;
using KpiBot.Slack.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiBot.Slack;

/// <summary>Registers the Slack adapter's services; the host decides which endpoints and ports to use.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SlackOptions"/> from the <c>Slack</c> section (environment: <c>Slack__BotToken</c>) and
    /// registers the signature verifier, the request reader, the Web API client and the configured token
    /// (<see cref="ConfiguredSlackTokens"/>, added with TryAdd so an OAuth install's source replaces it). The chat
    /// port is left to the host.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackRequestReader>();
        services.TryAddSingleton<ISlackTokenSource, ConfiguredSlackTokens>();
        services.TryAddSingleton<SlackChannelPacer>();
        services.AddHttpClient<SlackApiClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }

    /// <summary>
    /// The shared handling of inbound requests (<see cref="ISlackInboundHandler"/>) for the HTTP endpoint and
    /// Socket Mode: the handler (its work goes on the host's <c>IInboundQueue</c>), the bot identities per workspace,
    /// the gate that refuses workspaces KpiBot does not serve.
    /// Needs Core's conversation services, the chat-user, identity and dedupe stores and a keyed Slack
    /// <c>IChatPort</c> and the inbound queue from the host. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddSlackInboundHandling(this IServiceCollection services)
    {
        services.TryAddSingleton<SlackBotIdentities>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackWorkspaces>();
        services.TryAddSingleton<SlackTenantGate>();
        services.TryAddSingleton<SlackInboundHandler>();
        services.TryAddSingleton<ISlackInboundHandler>(s => s.GetRequiredService<SlackInboundHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboundResumer, SlackInboundResumer>());
        services.TryAddScoped<SlackReplier>();
        return services;
    }

    /// <summary>
    /// Finding the goals file's people in Slack by email: the workspaces the bot has tokens for, the directory
    /// sync (<see cref="SlackDirectorySync"/>, for a scheduled job of the host) and the profile source Core's
    /// <c>ChatDirectory</c> asks (users.info, users.lookupByEmail, conversations.open). Needs Core's chat directory
    /// and the installation store. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddSlackPeople(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackWorkspaces>();
        services.TryAddScoped<SlackProfileSource>();
        services.TryAddScoped<SlackDirectorySync>();
        return services;
    }
}
