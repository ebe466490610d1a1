using KpiBot.Core.Chat;

namespace KpiBot.Storage;

/// <summary>The engine's <see cref="IIdentityStore"/>: <see cref="PersonDirectory"/> behind the process's <see cref="IdentityCache"/>.</summary>
public sealed class CachedIdentityStore(PersonDirectory directory, IdentityCache cache) : IIdentityStore
{
    public async Task<string?> FindPersonIdAsync(ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (cache.TryGetPerson(user, out var cached))
        {
            return cached;
        }

        var personId = await directory.FindPersonIdAsync(user, cancellationToken);
        cache.SetPerson(user, personId);
        return personId;
    }

    public Task<string?> FindPersonIdByEmailAsync(string email, CancellationToken cancellationToken) =>
        directory.FindPersonIdByEmailAsync(email, cancellationToken);

    public async Task LinkAsync(ChatUser user, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await directory.LinkAsync(user, personId, now, cancellationToken);
        cache.Forget(user, personId);
    }

    public async Task<IReadOnlyList<ChatUser>> IdentitiesOfAsync(string personId, CancellationToken cancellationToken)
    {
        if (cache.TryGetIdentities(personId, out var cached))
        {
            return cached;
        }

        var identities = await directory.IdentitiesOfAsync(personId, cancellationToken);
        cache.SetIdentities(personId, identities);
        return identities;
    }
}
