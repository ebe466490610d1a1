using System.Collections.Concurrent;

namespace KpiBot.Slack.People;

/// <summary>
/// Emails users.lookupByEmail found in no workspace, remembered on this host for <see cref="RememberFor"/>, so
/// a fan-out to thousands of people who are not in Slack does not ask Slack for each of them every minute
/// (the method allows about 50 calls a minute). Bounded: past <see cref="MaxEntries"/> it starts over.
/// </summary>
public sealed class SlackLookupMisses(TimeProvider time)
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromHours(1);

    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _misses = new(StringComparer.OrdinalIgnoreCase);

    public bool IsKnownMissing(string email) => _misses.TryGetValue(email, out var until) && until > time.GetUtcNow();

    public void Remember(string email)
    {
        if (_misses.Count >= MaxEntries)
        {
            _misses.Clear();
        }

        _misses[email] = time.GetUtcNow() + RememberFor;
    }

    /// <summary>Someone was found (by the sync or a first message): look them up again next time.</summary>
    public void Forget(string email) => _misses.TryRemove(email, out _);
}
