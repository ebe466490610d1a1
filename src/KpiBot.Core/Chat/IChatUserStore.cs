namespace KpiBot.Core.Chat;

/// <summary>Chat users as the platforms describe them (<see cref="ChatUserInfo"/>), keyed by <see cref="ChatUser"/>.</summary>
public interface IChatUserStore
{
    Task<ChatUserInfo?> FindAsync(ChatUser user, CancellationToken cancellationToken);

    /// <summary>The stored profiles of these users (those never seen left out), in one read; a store may answer with one query.</summary>
    async Task<IReadOnlyList<ChatUserInfo>> FindManyAsync(IReadOnlyCollection<ChatUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var found = new List<ChatUserInfo>(users.Count);
        foreach (var user in users.Distinct())
        {
            if (await FindAsync(user, cancellationToken).ConfigureAwait(false) is { } info)
            {
                found.Add(info);
            }
        }

        return found;
    }

    /// <summary>Inserts or merges: non-null fields replace what is stored, null fields keep it.</summary>
    Task SaveAsync(ChatUserInfo info, DateTimeOffset now, CancellationToken cancellationToken);
}
