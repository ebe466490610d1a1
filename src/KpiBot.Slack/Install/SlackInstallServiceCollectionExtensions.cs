using KpiBot.Slack.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiBot.Slack.Install;

/// <summary>Registers the OAuth install; the host calls <c>services.AddSlack().AddSlackInstall()</c> and <c>app.MapSlackInstallEndpoints()</c>.</summary>
public static class SlackInstallServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SlackInstallOptions"/> from <c>Slack</c>, registers the OAuth client, the state protector,
    /// the install service and <see cref="InstalledSlackTokens"/> as the <see cref="ISlackTokenSource"/> (replacing
    /// one registered before). Needs Data Protection (<c>IDataProtectionProvider</c>), <see cref="KpiBot.Core.Chat.IChatInstallationStore"/>
    /// and <see cref="KpiBot.Core.Chat.IInboundDedupe"/> from the host.
    /// </summary>
    public static IServiceCollection AddSlackInstall(this IServiceCollection services)
    {
        services.AddOptions<SlackInstallOptions>().BindConfiguration(SlackOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<SlackOAuthClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<InstallStateProtector>();
        services.AddScoped<SlackInstallService>();
        services.AddSingleton<InstalledSlackTokens>();
        services.RemoveAll<ISlackTokenSource>();
        services.AddSingleton<ISlackTokenSource>(sp => sp.GetRequiredService<InstalledSlackTokens>());
        return services;
    }
}
