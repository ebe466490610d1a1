using KpiBot.Core.Inbound;
using KpiBot.Teams.Auth;
using KpiBot.Teams.Connector;
using KpiBot.Teams.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KpiBot.Teams;

/// <summary>Registers the Teams adapter's parts; the host calls it when a <c>Teams</c> section is configured.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>The named HttpClient that fetches the OpenID metadata and keys.</summary>
    public const string MetadataClient = "KpiBot.Teams.Metadata";

    public static IServiceCollection AddTeamsAdapter(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TeamsOptions>()
            .BindConfiguration(TeamsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MetadataClient);
        services.AddSingleton(sp => new BotFrameworkTokenValidator(
            sp.GetRequiredService<IOptions<TeamsOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataClient),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TeamsEmulatorMode(sp.GetRequiredService<IOptions<TeamsOptions>>().Value, sp.GetService<IHostEnvironment>()));
        services.TryAddSingleton<IBotTokenProvider>(sp => sp.GetRequiredService<TeamsEmulatorMode>().Enabled
            ? new EmulatorTokenProvider()
            : new MsalBotTokenProvider(sp.GetRequiredService<IOptions<TeamsOptions>>().Value));
        services.AddHttpClient<BotConnectorClient>()
            .AddTypedClient((http, sp) => new BotConnectorClient(
                http,
                sp.GetRequiredService<IBotTokenProvider>(),
                sp.GetRequiredService<IOptions<TeamsOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                allowHttpServiceUrls: sp.GetRequiredService<TeamsEmulatorMode>().Enabled));
        return services;
    }

    /// <summary>
    /// The check-in loop on top of the adapter: /api/messages' handler (its work after each answer goes on the host's <c>IInboundQueue</c>),
    /// the roster that remembers people and the chat port. Needs the engine and the chat stores of the host.
    /// </summary>
    public static IServiceCollection AddTeamsInbound(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IInboundResumer, TeamsInboundResumer>());
        services.TryAddScoped<TeamsRoster>();
        services.TryAddScoped<TeamsActivityHandler>();
        services.TryAddScoped<TeamsChatPort>();
        services.TryAddScoped<TeamsProfileSource>();
        return services;
    }
}
