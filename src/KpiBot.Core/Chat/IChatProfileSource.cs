namespace KpiBot.Core.Chat;

/// <summary>
/// What a chat platform can tell about its users, supplied by its adapter (Slack: users.info,
/// users.lookupByEmail, conversations.open; Teams: the 1:1 conversation opened on a learnt service URL).
/// <see cref="ChatDirectory"/> decides when to ask and keeps the answers; the adapter only asks the platform.
/// None of these throws for a platform's refusal: not found is <see cref="ChatLookup{T}.Value"/> null, a rate
/// limit or passing failure is <see cref="ChatLookup{T}.Failure"/>.
/// </summary>
public interface IChatProfileSource
{
    /// <summary>The platform this source speaks for (<see cref="Platforms"/>); also the order platforms are tried in.</summary>
    string Platform { get; }

    /// <summary>The user's profile (email, zone, locale, name), or not found (a guest of another workspace, no token).</summary>
    Task<ChatLookup<ChatUserInfo>> ProfileAsync(ChatUser user, CancellationToken cancellationToken);

    /// <summary>The platform's user with this email, where the platform can look people up; not found otherwise.</summary>
    Task<ChatLookup<ChatUserInfo>> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Opens the 1:1 conversation with the user (known: its service URL on Teams), or says why not.</summary>
    Task<ChatLookup<ConversationAddress>> OpenPersonalAsync(ChatUserInfo user, CancellationToken cancellationToken);
}

/// <summary>A platform's answer: the value, nothing (not found), or the failure to report and retry on.</summary>
public sealed record ChatLookup<T>(T? Value, SendOutcome? Failure)
    where T : class;

/// <summary>Makes <see cref="ChatLookup{T}"/> answers.</summary>
public static class ChatLookup
{
    public static ChatLookup<T> Found<T>(T value) where T : class => new(value, null);

    public static ChatLookup<T> NotFound<T>() where T : class => new(null, null);

    public static ChatLookup<T> Failed<T>(SendOutcome failure) where T : class => new(null, failure);
}
