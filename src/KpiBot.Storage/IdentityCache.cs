using System.Collections.Concurrent;
using KpiBot.Core.Chat;

namespace KpiBot.Storage;

/// <summary>
/// The process's memory of chat identities, so that answering a message or sending a prompt does not ask the
/// database who a chat user is every time: chat user → person (also "nobody", for a shorter time) and person →
/// identities. Entries expire (<see cref="KnownFor"/>, <see cref="UnknownFor"/>), so a link made on another host
/// shows here within that time; a link made on this host clears what it changes at once. Bounded: when it
/// holds more than <see cref="MaxEntries"/> entries it starts over.
/// </summary>
public sealed class IdentityCache(TimeProvider time)
{
    public static readonly TimeSpan KnownFor = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan UnknownFor = TimeSpan.FromSeconds(5);
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<ChatUser, Entry<string?>> _people = new();
    private readonly ConcurrentDictionary<string, Entry<IReadOnlyList<ChatUser>>> _identities = new(StringComparer.Ordinal);

    public bool TryGetPerson(ChatUser user, out string? personId)
    {
        if (_people.TryGetValue(user, out var entry) && entry.Until > time.GetUtcNow())
        {
            personId = entry.Value;
            return true;
        }

        personId = null;
        return false;
    }

    public void SetPerson(ChatUser user, string? personId)
    {
        Bound(_people);
        _people[user] = new Entry<string?>(personId, time.GetUtcNow() + (personId is null ? UnknownFor : KnownFor));
    }

    public bool TryGetIdentities(string personId, out IReadOnlyList<ChatUser> identities)
    {
        if (_identities.TryGetValue(personId, out var entry) && entry.Until > time.GetUtcNow())
        {
            identities = entry.Value;
            return true;
        }

        identities = [];
        return false;
    }

    public void SetIdentities(string personId, IReadOnlyList<ChatUser> identities)
    {
        Bound(_identities);
        _identities[personId] = new Entry<IReadOnlyList<ChatUser>>(identities, time.GetUtcNow() + KnownFor);
    }

    /// <summary>Forgets what a link of <paramref name="user"/> to <paramref name="personId"/> changes: both sides, and the user's old person.</summary>
    public void Forget(ChatUser user, string personId)
    {
        if (_people.TryRemove(user, out var old) && old.Value is { } previous)
        {
            _identities.TryRemove(previous, out _);
        }

        _identities.TryRemove(personId, out _);
        foreach (var stale in _people.Where(p => p.Value.Value == personId))
        {
            _people.TryRemove(stale.Key, out _);
        }
    }

    private static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map)
        where TKey : notnull
    {
        if (map.Count >= MaxEntries)
        {
            map.Clear();
        }
    }

    private readonly record struct Entry<T>(T Value, DateTimeOffset Until);
}
