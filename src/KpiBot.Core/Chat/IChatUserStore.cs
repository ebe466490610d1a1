namespace KpiBot.Core.Chat;

/// <summary>Chat users as the platforms describe them (<see cref="ChatUserInfo"/>), keyed by <see cref="ChatUser"/>.</summary>
public interface IChatUserStore
{
    Task<ChatUserInfo?> FindAsync(ChatUser user, CancellationToken cancellationToken);

    /// <summary>Inserts or merges: non-null fields replace what is stored, null fields keep it.</summary>
    Task SaveAsync(ChatUserInfo info, DateTimeOffset now, CancellationToken cancellationToken);
}
