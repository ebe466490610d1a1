using System.Collections.Concurrent;
using KpiBot.Core.Channels;
using KpiBot.Core.Chat;
using KpiBot.Core.Goals;

namespace KpiBot.Testing.Fakes;

/// <summary>Chat identities (by user and by email from the goals) and channel links, in memory.</summary>
public sealed class InMemoryDirectory(Func<GoalsModel?> goals) : IIdentityStore, IChannelLinkStore
{
    private readonly ConcurrentDictionary<ChatUser, string> _identities = new();
    private readonly ConcurrentDictionary<(string Platform, string Tenant, string Conversation), (ConversationAddress Address, string TeamId)> _links = new();

    public Task<string?> FindPersonIdAsync(ChatUser user, CancellationToken cancellationToken) =>
        Task.FromResult(_identities.TryGetValue(user, out var person) ? person : null);

    public Task<string?> FindPersonIdByEmailAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult(goals()?.People.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase))?.Id);

    public Task LinkAsync(ChatUser user, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var stale in _identities.Where(i => i.Value == personId && i.Key.Platform == user.Platform && i.Key.TenantId == user.TenantId))
        {
            _identities.TryRemove(stale.Key, out _);
        }

        _identities[user] = personId;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChatUser>> IdentitiesOfAsync(string personId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChatUser>>([.. _identities.Where(i => i.Value == personId).Select(i => i.Key)]);

    public Task LinkAsync(ConversationAddress channel, string teamId, string linkedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _links[Key(channel)] = (channel, teamId);
        return Task.CompletedTask;
    }

    public Task<string?> UnlinkAsync(ConversationAddress channel, CancellationToken cancellationToken) =>
        Task.FromResult(_links.TryRemove(Key(channel), out var link) ? link.TeamId : null);

    public Task<IReadOnlyList<ConversationAddress>> LinksOfTeamAsync(string teamId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationAddress>>([.. _links.Values.Where(l => l.TeamId == teamId).Select(l => l.Address)]);

    public Task<string?> TeamOfChannelAsync(ConversationAddress channel, CancellationToken cancellationToken) =>
        Task.FromResult(_links.TryGetValue(Key(channel), out var link) ? link.TeamId : null);

    private static (string, string, string) Key(ConversationAddress channel) => (channel.Platform, channel.TenantId, channel.ConversationId);
}
