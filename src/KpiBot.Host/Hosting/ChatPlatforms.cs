using KpiBot.Core.Chat;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiBot.Host.Hosting;

/// <summary>
/// The chat platforms this host can send on, in the order a person's identities are tried when they have
/// one on several (first registered first). Each platform's <see cref="IChatPort"/> is a keyed service named
/// by its platform (<see cref="Platforms.Slack"/>, <see cref="Platforms.Teams"/>).
/// </summary>
public sealed class ChatPlatformSet
{
    private readonly List<string> _platforms = [];

    public IReadOnlyList<string> Names => _platforms;

    internal void Add(string platform)
    {
        if (!_platforms.Contains(platform, StringComparer.Ordinal))
        {
            _platforms.Add(platform);
        }
    }
}

public static class ChatPlatformRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TPort"/> as the chat port of <paramref name="platform"/> and makes the
    /// engine's <see cref="IChatPort"/> the <see cref="ChatPortRouter"/> over every registered platform.
    /// </summary>
    public static IServiceCollection AddChatPlatform<TPort>(this IServiceCollection services, string platform)
        where TPort : class, IChatPort
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(platform);
        var set = services.FirstOrDefault(d => d.ServiceType == typeof(ChatPlatformSet))?.ImplementationInstance as ChatPlatformSet;
        if (set is null)
        {
            set = new ChatPlatformSet();
            services.AddSingleton(set);
        }

        set.Add(platform);
        services.AddKeyedScoped<IChatPort, TPort>(platform);
        services.RemoveAll<IChatPort>();
        services.AddScoped<IChatPort, ChatPortRouter>();
        return services;
    }
}
