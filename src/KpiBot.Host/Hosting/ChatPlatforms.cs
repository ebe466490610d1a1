using KpiBot.Core.Chat;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiBot.Host.Hosting;

public static class ChatPlatformRegistration
{
    /// <summary>
    /// Registers a chat platform: its sender (<typeparamref name="TSender"/>) and its profile source
    /// (<typeparamref name="TSource"/>), and makes the engine's <see cref="IChatPort"/> Core's
    /// <see cref="ChatDirectory"/> over every registered platform. People on several platforms are reached on
    /// the first registered.
    /// </summary>
    public static IServiceCollection AddChatPlatform<TSender, TSource>(this IServiceCollection services)
        where TSender : class, IChatSender
        where TSource : class, IChatProfileSource
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<TSender>();
        services.TryAddScoped<TSource>();
        services.AddScoped<IChatSender>(s => s.GetRequiredService<TSender>());
        services.AddScoped<IChatProfileSource>(s => s.GetRequiredService<TSource>());
        services.RemoveAll<IChatPort>();
        services.AddScoped<IChatPort>(s => s.GetRequiredService<ChatDirectory>());
        return services;
    }
}
