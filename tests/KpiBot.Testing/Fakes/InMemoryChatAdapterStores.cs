using System.Collections.Concurrent;
using KpiBot.Core.Chat;

namespace KpiBot.Testing.Fakes;

/// <summary>The chat adapters' stores in memory: chat users (merging saves), inbound de-duplication, installations.</summary>
public sealed class InMemoryChatAdapterStores : IChatUserStore, IInboundDedupe, IChatInstallationStore
{
    private readonly ConcurrentDictionary<ChatUser, ChatUserInfo> _users = new();
    private readonly ConcurrentDictionary<(string Platform, string Key), DateTimeOffset> _seen = new();
    private readonly ConcurrentDictionary<(string Platform, string Tenant), ChatInstallation> _installations = new();
    private readonly Lock _lock = new();

    public Task<ChatUserInfo?> FindAsync(ChatUser user, CancellationToken cancellationToken) =>
        Task.FromResult(_users.TryGetValue(user, out var info) ? info : null);

    public Task SaveAsync(ChatUserInfo info, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        lock (_lock)
        {
            _users[info.User] = _users.TryGetValue(info.User, out var old)
                ? new ChatUserInfo(
                    info.User,
                    info.DisplayName ?? old.DisplayName,
                    info.Email ?? old.Email,
                    info.TimeZone ?? old.TimeZone,
                    info.Locale ?? old.Locale,
                    info.ServiceUrl ?? old.ServiceUrl,
                    info.PersonalConversationId ?? old.PersonalConversationId)
                : info;
        }

        return Task.CompletedTask;
    }

    public Task<bool> FirstTimeAsync(string platform, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(_seen.TryAdd((platform, key), now));

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var old = _seen.Where(s => s.Value < before).Select(s => s.Key).ToList();
        return Task.FromResult(old.Count(k => _seen.TryRemove(k, out _)));
    }

    public Task SaveAsync(ChatInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        _installations[(installation.Platform, installation.TenantId)] = installation;
        return Task.CompletedTask;
    }

    public Task<ChatInstallation?> FindAsync(string platform, string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_installations.TryGetValue((platform, tenantId), out var i) ? i : null);

    public Task<IReadOnlyList<ChatInstallation>> ListAsync(string platform, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChatInstallation>>([.. _installations.Values.Where(i => i.Platform == platform).OrderBy(i => i.TenantId, StringComparer.Ordinal)]);

    public Task<bool> RemoveAsync(string platform, string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_installations.TryRemove((platform, tenantId), out _));
}
