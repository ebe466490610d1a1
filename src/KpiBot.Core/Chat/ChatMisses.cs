using System.Collections.Concurrent;

namespace KpiBot.Core.Chat;

/// <summary>
/// What this host asked a platform about and did not find, remembered for a while so that a message from a
/// stranger, or a fan-out to people who are not in the chat, does not ask again each time (Slack allows about
/// 50 lookups a minute). Emails and chat users not found are kept for <see cref="NotFoundFor"/>; a sender who
/// is not a person of the goals file for <see cref="NotAPersonFor"/> (an import may add them). Bounded: past
/// <see cref="MaxEntries"/> it starts over. A singleton per host.
/// </summary>
public sealed class ChatMisses(TimeProvider time)
{
    public static readonly TimeSpan NotFoundFor = TimeSpan.FromHours(1);
    public static readonly TimeSpan NotAPersonFor = TimeSpan.FromMinutes(1);
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _misses = new(StringComparer.OrdinalIgnoreCase);

    public bool IsRemembered(string key) => _misses.TryGetValue(key, out var until) && until > time.GetUtcNow();

    /// <summary>Remembers the miss; true when it was not remembered already (the first miss is the one worth a log line).</summary>
    public bool Remember(string key, TimeSpan howLong)
    {
        if (_misses.Count >= MaxEntries)
        {
            _misses.Clear();
        }

        var first = !IsRemembered(key);
        _misses[key] = time.GetUtcNow() + howLong;
        return first;
    }

    public void Forget(string key) => _misses.TryRemove(key, out _);

    public static string Email(string email) => "email:" + email.Trim();

    public static string User(ChatUser user) => $"user:{user.Platform}/{user.TenantId}/{user.UserId}";

    public static string Sender(ChatUser user) => "sender:" + User(user);
}
