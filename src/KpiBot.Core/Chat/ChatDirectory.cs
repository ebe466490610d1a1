using KpiBot.Core.Goals;
using KpiBot.Core.Views;

namespace KpiBot.Core.Chat;

/// <summary>
/// Who someone is and where to reach them, answered in one place for every platform, once per request or
/// send: a chat user → the person of the goals file (by the stored link, else by the email their profile
/// gives — the link is then made), and a person → the 1:1 conversation on the first platform they are on (or
/// are found on by email, and linked). The adapters supply what only the platform knows
/// (<see cref="IChatProfileSource"/>); the identity and chat-user stores are read and written here only.
/// Misses are remembered per host (<see cref="ChatMisses"/>), so strangers and people not in the chat cost a
/// platform call once in a while, not each time. Identity answers are cached per host by the identity store.
/// It is also the engine's <see cref="IChatPort"/>: a message to a person goes straight to the 1:1 that
/// <see cref="ReachAsync"/> finds, through the platform's <see cref="IChatSender"/>; a channel post or an update
/// goes to the platform of its address. Someone found nowhere is unreachable (<c>no_chat_identity</c>), which
/// leads see in <c>status</c>, rather than an error. A post the platform did not answer in time is
/// <see cref="SendOutcome.Unknown"/> (<see cref="SendOutcome.NoAnswerInTime"/>), on every platform.
/// </summary>
public sealed class ChatDirectory(
    IIdentityStore identities,
    IChatUserStore users,
    IEnumerable<IChatProfileSource> sources,
    ChatMisses misses,
    TimeProvider time,
    IEnumerable<IChatSender>? senders = null,
    IGoalsProvider? goals = null) : IChatPort
{
    private readonly IReadOnlyList<IChatProfileSource> _sources = [.. sources];
    private readonly IReadOnlyList<IChatSender> _senders = [.. senders ?? []];

    /// <summary>The platforms people are reached on, in the order they are tried.</summary>
    public IReadOnlyList<string> Platforms => [.. _sources.Select(s => s.Platform)];

    /// <summary>
    /// Who wrote: the linked person; else the person whose email the user's profile (stored, else asked of the
    /// platform once in a while) or <paramref name="email"/> gives, linked now; else nobody, with the locale
    /// the profile gives (to answer a stranger in their language).
    /// </summary>
    public async Task<ChatSender> SenderAsync(ChatUser user, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await identities.FindPersonIdAsync(user, cancellationToken).ConfigureAwait(false) is { } linked)
        {
            return new ChatSender(linked, null);
        }

        var strangerKey = ChatMisses.Sender(user);
        if (email is null && misses.IsRemembered(strangerKey))
        {
            return new ChatSender(null, null);
        }

        var profile = await users.FindAsync(user, cancellationToken).ConfigureAwait(false);
        if (profile?.Email is null && email is null)
        {
            profile = await AskProfileAsync(user, profile, cancellationToken).ConfigureAwait(false);
        }

        email = Blank(email) ?? Blank(profile?.Email);
        var personId = email is null ? null : await identities.FindPersonIdByEmailAsync(email.Trim(), cancellationToken).ConfigureAwait(false);
        if (personId is null)
        {
            misses.Remember(strangerKey, ChatMisses.NotAPersonFor);
            return new ChatSender(null, profile?.Locale);
        }

        await identities.LinkAsync(user, personId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new ChatSender(personId, profile?.Locale);
    }

    /// <summary>
    /// Where to reach a person: the 1:1 on the first platform (in <see cref="Platforms"/> order)
    /// they have an identity on, else on the first that finds them by <paramref name="email"/> (linked now; a miss is
    /// remembered);
    /// the 1:1 is opened once and remembered. With it, the zone their profile gives, if any.
    /// </summary>
    public Task<ChatReach> ReachAsync(string personId, string? email, CancellationToken cancellationToken) =>
        ReachAsync(personId, email, null, cancellationToken);

    /// <summary>
    /// <see cref="ReachAsync(string, string?, CancellationToken)"/>, from the person's stored profile when the caller
    /// read it already (<see cref="ProfilesAsync"/>) and it holds their 1:1: then nothing more is read. Without a 1:1
    /// yet, they are looked up as usual (the 1:1 is opened and remembered once).
    /// </summary>
    public async Task<ChatReach> ReachAsync(string personId, string? email, ChatUserInfo? known, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        if (known is not null && Remembered(known, null) is { } address)
        {
            return new ChatReach(address, null, known.TimeZone);
        }

        var user = await UserOfAsync(personId, cancellationToken).ConfigureAwait(false);
        ChatUserInfo? profile = null;
        if (user is null)
        {
            var found = await FindByEmailAsync(personId, email, cancellationToken).ConfigureAwait(false);
            if (found.Value is null)
            {
                return new ChatReach(null, found.Failure ?? new SendOutcome.Unreachable("no_chat_identity"), null);
            }

            (user, profile) = (found.Value.User, found.Value);
        }

        // The stored profile is read once: it gives the 1:1 and (unless just found by email) the zone.
        var stored = await users.FindAsync(user, cancellationToken).ConfigureAwait(false);
        var personal = await PersonalAsync(stored ?? new ChatUserInfo(user), null, cancellationToken).ConfigureAwait(false);
        return new ChatReach(personal.Value, personal.Failure, (profile ?? stored)?.TimeZone);
    }

    /// <summary>
    /// The stored profiles (with the 1:1, once opened) of the people a batch of sends reaches, by person id, in one
    /// read of the chat-user store: each person with an identity on a configured platform has one (a bare one
    /// when nothing is stored yet); the others are found by email when sent to.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ChatUserInfo>> ProfilesAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var userOf = new Dictionary<string, ChatUser>(StringComparer.Ordinal);
        foreach (var personId in personIds.Distinct(StringComparer.Ordinal))
        {
            if (await UserOfAsync(personId, cancellationToken).ConfigureAwait(false) is { } user)
            {
                userOf[personId] = user;
            }
        }

        var stored = userOf.Count == 0
            ? []
            : (await users.FindManyAsync([.. userOf.Values], cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.User);
        return userOf.ToDictionary(p => p.Key, p => stored.GetValueOrDefault(p.Value) ?? new ChatUserInfo(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The person's chat user on the first platform (in <see cref="Platforms"/> order) they have an identity on (the identity cache answers).</summary>
    private async Task<ChatUser?> UserOfAsync(string personId, CancellationToken cancellationToken)
    {
        var known = await identities.IdentitiesOfAsync(personId, cancellationToken).ConfigureAwait(false);
        return _sources.Select(s => known.FirstOrDefault(u => u.Platform == s.Platform)).FirstOrDefault(u => u is not null);
    }

    /// <summary>A chat user's 1:1: the one remembered, else opened through their platform (on <paramref name="serviceUrl"/> when the profile has none) and remembered.</summary>
    public async Task<ChatLookup<ConversationAddress>> PersonalAsync(ChatUser user, string? serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var profile = await users.FindAsync(user, cancellationToken).ConfigureAwait(false) ?? new ChatUserInfo(user);
        return await PersonalAsync(profile, serviceUrl, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A person's chat address through the directory: the 1:1 <see cref="ReachAsync"/> finds, posted to by its
    /// platform's sender; else why not (unreachable, or the platform's refusal).
    /// </summary>
    public Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken) =>
        SendToPersonAsync(personId, view, null, cancellationToken);

    /// <inheritdoc/>
    public async Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken)
    {
        var model = goals is null ? null : await goals.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return await SendToPersonAsync(personId, model?.PeopleById.GetValueOrDefault(personId)?.Email, null, view, beforePost, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<SendOutcome> SendToPersonAsync(
        string personId, string? email, ChatUserInfo? known, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken)
    {
        var reach = await ReachAsync(personId, email, known, cancellationToken).ConfigureAwait(false);
        return reach.Address is { } address
            ? await PostToChannelAsync(address, view, beforePost, cancellationToken).ConfigureAwait(false)
            : reach.Failure!;
    }

    /// <summary>Posts to any conversation (a channel, a group chat or a 1:1) on its platform.</summary>
    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken) =>
        PostToChannelAsync(channel, view, null, cancellationToken);

    /// <summary>
    /// Posts to any conversation on its platform, asking <paramref name="beforePost"/> (when given) right before
    /// the platform is called (false: nothing is posted, <see cref="SendOutcome.Withdrawn"/>). The send rule shared
    /// by every platform lives here: a post the platform did not answer in time is <see cref="SendOutcome.Unknown"/>
    /// (<see cref="SendOutcome.NoAnswerInTime"/>) and never posted again.
    /// </summary>
    public async Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (SenderOf(channel.Platform) is not { } sender)
        {
            return NotConfigured(channel.Platform);
        }

        if (beforePost is not null && !await beforePost(cancellationToken).ConfigureAwait(false))
        {
            return new SendOutcome.Withdrawn();
        }

        try
        {
            return await sender.PostAsync(channel, view, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (SendOutcome.NoAnswerInTime(e, cancellationToken) is { } unknown)
        {
            // Whatever the platform: a post left unanswered is never posted again.
            return unknown;
        }
    }

    /// <summary>Replaces a message the bot sent earlier, on its platform.</summary>
    public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SenderOf(message.Conversation.Platform) is { } sender
            ? sender.UpdateAsync(message, view, cancellationToken)
            : Task.FromResult(NotConfigured(message.Conversation.Platform));
    }

    private async Task<ChatLookup<ConversationAddress>> PersonalAsync(ChatUserInfo profile, string? serviceUrl, CancellationToken cancellationToken)
    {
        var user = profile.User;
        var url = profile.ServiceUrl ?? serviceUrl;
        if (Remembered(profile, serviceUrl) is { } remembered)
        {
            return ChatLookup.Found(remembered);
        }

        if (SourceOf(user.Platform) is not { } source)
        {
            return ChatLookup.Failed<ConversationAddress>(new SendOutcome.Unreachable($"{user.Platform}_not_configured"));
        }

        var opened = await source.OpenPersonalAsync(profile with { ServiceUrl = url }, cancellationToken).ConfigureAwait(false);
        if (opened.Value is { } conversation)
        {
            await users.SaveAsync(
                new ChatUserInfo(user, ServiceUrl: conversation.ServiceUrl, PersonalConversationId: conversation.ConversationId), time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
        }

        return opened;
    }

    /// <summary>
    /// A profile the platform showed (an activity's sender, a member list, the directory sync): saved when it
    /// says something new. Returns what was known before (null: never seen).
    /// </summary>
    public async Task<ChatUserInfo?> SeenAsync(ChatUserInfo seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var before = await users.FindAsync(seen.User, cancellationToken).ConfigureAwait(false);
        if (before is null || Changes(before, seen))
        {
            await users.SaveAsync(seen, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return before;
    }

    /// <summary>
    /// A platform user met before they wrote (the directory sync, a team's members): linked to the person with
    /// their email, if any, and their profile kept — after the link, so the goals cache lays it over the person.
    /// A stranger's profile is kept only when <paramref name="keepStrangers"/> (Teams keeps every member's address).
    /// </summary>
    public async Task<ChatLearned> LearnAsync(ChatUserInfo profile, bool keepStrangers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var personId = Blank(profile.Email) is { } email
            ? await identities.FindPersonIdByEmailAsync(email.Trim(), cancellationToken).ConfigureAwait(false)
            : null;
        var learned = ChatLearned.NotAPerson;
        if (personId is not null)
        {
            learned = ChatLearned.AlreadyLinked;
            if (await identities.FindPersonIdAsync(profile.User, cancellationToken).ConfigureAwait(false) != personId)
            {
                await identities.LinkAsync(profile.User, personId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                learned = ChatLearned.Linked;
            }

            misses.Forget(ChatMisses.Email(profile.Email!));
            misses.Forget(ChatMisses.Sender(profile.User));
        }

        if (learned != ChatLearned.NotAPerson || keepStrangers)
        {
            await SeenAsync(profile, cancellationToken).ConfigureAwait(false);
        }

        return learned;
    }

    /// <summary>True when saving <paramref name="seen"/> over <paramref name="known"/> would change a field (saves merge; null keeps).</summary>
    public static bool Changes(ChatUserInfo known, ChatUserInfo seen)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(seen);
        return Differs(seen.DisplayName, known.DisplayName) || Differs(seen.Email, known.Email) || Differs(seen.TimeZone, known.TimeZone)
            || Differs(seen.Locale, known.Locale) || Differs(seen.ServiceUrl, known.ServiceUrl) || Differs(seen.PersonalConversationId, known.PersonalConversationId);
    }

    /// <summary>Asks the platform for a profile it has not given yet, at most once per <see cref="ChatMisses.NotFoundFor"/> when it has none.</summary>
    private async Task<ChatUserInfo?> AskProfileAsync(ChatUser user, ChatUserInfo? stored, CancellationToken ct)
    {
        var key = ChatMisses.User(user);
        if (misses.IsRemembered(key) || SourceOf(user.Platform) is not { } source)
        {
            return stored;
        }

        var asked = await source.ProfileAsync(user, ct).ConfigureAwait(false);
        if (asked.Value is not { } profile)
        {
            misses.Remember(key, ChatMisses.NotFoundFor);
            return stored;
        }

        await SeenAsync(profile, ct).ConfigureAwait(false);
        return profile;
    }

    /// <summary>The person found by email on the first platform that can look people up; a miss everywhere is remembered.</summary>
    private async Task<ChatLookup<ChatUserInfo>> FindByEmailAsync(string personId, string? address, CancellationToken ct)
    {
        if (Blank(address) is not { } email || misses.IsRemembered(ChatMisses.Email(email)))
        {
            return ChatLookup.NotFound<ChatUserInfo>();
        }

        foreach (var source in _sources)
        {
            var found = await source.FindByEmailAsync(email.Trim(), ct).ConfigureAwait(false);
            if (found.Failure is not null)
            {
                return found;
            }

            if (found.Value is { } profile)
            {
                await identities.LinkAsync(profile.User, personId, time.GetUtcNow(), ct).ConfigureAwait(false);
                await SeenAsync(profile, ct).ConfigureAwait(false);
                return found;
            }
        }

        misses.Remember(ChatMisses.Email(email), ChatMisses.NotFoundFor);
        return ChatLookup.NotFound<ChatUserInfo>();
    }

    /// <summary>The 1:1 a stored profile remembers (a Teams one only with the service URL to post to), else null.</summary>
    private static ConversationAddress? Remembered(ChatUserInfo profile, string? serviceUrl)
    {
        var url = profile.ServiceUrl ?? serviceUrl;
        return profile.PersonalConversationId is { } id && (url is not null || profile.User.Platform != Chat.Platforms.Teams)
            ? new ConversationAddress(profile.User.Platform, profile.User.TenantId, id, url)
            : null;
    }

    private IChatProfileSource? SourceOf(string platform) => _sources.FirstOrDefault(s => s.Platform == platform);

    /// <summary>Whether a chart goes to <paramref name="platform"/> as a message of its own (its sender says).</summary>
    public bool PostsChartsSeparately(string platform) => SenderOf(platform)?.PostsChartsSeparately ?? false;

    private IChatSender? SenderOf(string platform) => _senders.FirstOrDefault(s => s.Platform == platform);

    private static SendOutcome NotConfigured(string platform) => new SendOutcome.Unreachable($"{platform}_not_configured");

    private static bool Differs(string? seen, string? known) => seen is not null && !string.Equals(seen, known, StringComparison.Ordinal);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>Who wrote: the person (null for a stranger) and the locale the platform gives for them, if known.</summary>
public sealed record ChatSender(string? PersonId, string? Locale);

/// <summary>Where a person is reached (their 1:1), or why not; and the zone their chat profile gives, if any.</summary>
public sealed record ChatReach(ConversationAddress? Address, SendOutcome? Failure, string? TimeZone);

/// <summary>What <see cref="ChatDirectory.LearnAsync"/> found: not a person of the goals file, a person linked before, or one linked now.</summary>
public enum ChatLearned { NotAPerson, AlreadyLinked, Linked }
