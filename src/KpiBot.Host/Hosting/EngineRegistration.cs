using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Delivery;
using KpiBot.Core.Digest;

namespace KpiBot.Host.Hosting;

/// <summary>The platform-neutral engine from KpiBot.Core: conversations, prompts, digests, delivery.</summary>
public static class EngineRegistration
{
    public static IServiceCollection AddKpiBotEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var delivery = configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>() ?? new DeliveryOptions();
        services.AddSingleton(delivery);
        // Every command of the engine (the router adds `help` itself).
        foreach (var handler in typeof(ICommandHandler).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                         && typeof(ICommandHandler).IsAssignableFrom(t) && t != typeof(HelpCommand)))
        {
            services.AddScoped(typeof(ICommandHandler), handler);
        }

        services.AddScoped<ConversationService>();
        services.AddScoped<ChatDirectory>();
        services.AddSingleton<ChatMisses>();
        services.AddScoped<CheckInPrompts>();
        services.AddScoped<CheckInService>();
        services.AddScoped<CardSubmissions>();
        services.AddScoped<Snoozes>();
        services.AddScoped<Notices>();
        services.AddScoped<DigestBuilder>();
        services.AddScoped<DeliveryService>();
        services.AddScoped<Dispatcher>();
        return services;
    }
}
