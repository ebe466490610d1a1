using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;
using KpiBot.Teams.Activities;
using KpiBot.Teams.Connector;
using KpiBot.Teams.Resources;
using Microsoft.Extensions.Logging;

namespace KpiBot.Teams.Inbound;

/// <summary>
/// What the adapter remembers about people and conversations on Teams: each sender's service URL, 1:1
/// conversation, time zone and locale; on an install the members of the team or chat (fetched page by
/// page), linked to people of the goals file by email or UPN; and the 1:1 conversations opened for
/// proactive prompts. Only service URLs of authenticated activities reach it.
/// </summary>
public sealed class TeamsRoster(
    BotConnectorClient connector, IChatUserStore users, IIdentityStore identities, IInboundDedupe dedupe, TimeProvider time, ILogger<TeamsRoster> logger)
{
    /// <summary>Saves what an activity says about its sender; returns what was known before (null: first contact).</summary>
    public async Task<ChatUserInfo?> RememberSenderAsync(Activity activity, ChatUser user, ConversationKind kind, string? timeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(user);
        var before = await users.FindAsync(user, cancellationToken).ConfigureAwait(false);
        var clientInfo = activity.Entities?.FirstOrDefault(e => e.Type == "clientInfo");
        var seen = new ChatUserInfo(
            user,
            DisplayName: Blank(activity.From?.Name),
            TimeZone: Blank(timeZone),
            Locale: Blank(clientInfo?.Locale) ?? Blank(activity.Locale),
            ServiceUrl: Blank(activity.ServiceUrl),
            PersonalConversationId: kind == ConversationKind.Personal ? Blank(activity.Conversation?.Id) : null);

        // Saves merge and null keeps: when the activity says nothing new, a write per request would change nothing.
        if (before is null || Changes(before, seen))
        {
            await users.SaveAsync(seen, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return before;
    }

    /// <summary>True when saving <paramref name="seen"/> over <paramref name="known"/> would change a field.</summary>
    internal static bool Changes(ChatUserInfo known, ChatUserInfo seen) =>
        Differs(seen.DisplayName, known.DisplayName) || Differs(seen.Email, known.Email) || Differs(seen.TimeZone, known.TimeZone)
        || Differs(seen.Locale, known.Locale) || Differs(seen.ServiceUrl, known.ServiceUrl) || Differs(seen.PersonalConversationId, known.PersonalConversationId);

    private static bool Differs(string? seen, string? known) => seen is not null && !string.Equals(seen, known, StringComparison.Ordinal);

    /// <summary>A conversationUpdate or installationUpdate: remembers addresses, links members, welcomes on install.</summary>
    public async Task HandleEventAsync(TeamsConversationEvent change, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = change.Conversation.TenantId;
        if (change.BotRemoved)
        {
            Log.Uninstalled(logger, change.Kind.ToString(), tenant);
            return;
        }

        if (activity.From?.Id is { Length: > 0 } fromId && change.Kind == ConversationKind.Personal)
        {
            await RememberSenderAsync(activity, new ChatUser(Platforms.Teams, tenant, fromId), change.Kind, null, cancellationToken).ConfigureAwait(false);
        }

        if (change.BotAdded)
        {
            // A team install sends both a conversationUpdate and an installationUpdate: act on the first.
            var key = "install:" + (change.TeamId ?? change.Conversation.ConversationId);
            if (await dedupe.FirstTimeAsync(Platforms.Teams, key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                await InstalledAsync(change, activity, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // People who joined a team or chat the bot is in: their address, and a link when their email is known.
        var botId = activity.Recipient?.Id;
        var roster = RosterOf(change);
        foreach (var member in change.MembersAdded.Where(m => m.Id != botId))
        {
            var account = await connector.GetMemberAsync(roster, member.Id, cancellationToken).ConfigureAwait(false);
            await RememberMemberAsync(account.Value ?? new ChannelAccount { Id = member.Id, Name = member.Name, AadObjectId = member.AadObjectId }, tenant, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The person's 1:1 conversation: the one remembered, else a new one opened (and remembered) on the service URL learnt from them.</summary>
    public async Task<ConnectorResult<ConversationAddress>> PersonalConversationAsync(ChatUser user, string? serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var info = await users.FindAsync(user, cancellationToken).ConfigureAwait(false);
        var url = info?.ServiceUrl ?? serviceUrl;
        if (info?.PersonalConversationId is { } known && url is not null)
        {
            return ConnectorResult<ConversationAddress>.Of(new ConversationAddress(Platforms.Teams, user.TenantId, known, url));
        }

        if (url is null)
        {
            // Only service URLs from authenticated activities are used: someone never seen cannot be written to.
            return ConnectorResult<ConversationAddress>.Failed(new SendOutcome.Unreachable("no_service_url"));
        }

        var created = await connector.CreatePersonalConversationAsync(url, user.TenantId, user.UserId, cancellationToken).ConfigureAwait(false);
        if (created.Value is { } conversation)
        {
            await users.SaveAsync(new ChatUserInfo(user, ServiceUrl: url, PersonalConversationId: conversation.ConversationId), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    /// <summary>The welcome: what the bot stores and who can see it.</summary>
    public static IReadOnlyList<OutgoingActivity> Welcome(string? locale) =>
        TeamsMessages.Of(new MessageView(Localized.Get(TeamsText.ResourceManager, nameof(TeamsText.Welcome), Localized.CultureFor(locale))));

    private async Task InstalledAsync(TeamsConversationEvent change, Activity activity, CancellationToken cancellationToken)
    {
        var tenant = change.Conversation.TenantId;
        // In a 1:1 the only member is the person who installed the app: their email links them too.
        var (linked, members) = await LinkMembersAsync(RosterOf(change), tenant, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
        Log.Installed(logger, change.Kind.ToString(), tenant, linked, members);

        // In a team, the welcome goes to the team's General channel, whose id is the team's.
        var target = change.TeamId is { Length: > 0 } team ? change.Conversation with { ConversationId = team } : change.Conversation;
        foreach (var message in Welcome(activity.Locale))
        {
            var outcome = await connector.SendAsync(target, message, cancellationToken).ConfigureAwait(false);
            if (outcome is not SendOutcome.Delivered)
            {
                Log.NotDelivered(logger, "welcome", outcome.ToString());
                break;
            }
        }
    }

    /// <summary>Walks the member pages of a team or chat; each member's address is saved and linked by email or UPN.</summary>
    private async Task<(int Linked, int Members)> LinkMembersAsync(ConversationAddress roster, string tenant, string? serviceUrl, CancellationToken cancellationToken)
    {
        var (linked, members) = (0, 0);
        string? continuation = null;
        do
        {
            var page = await connector.GetMembersPageAsync(roster, continuation, cancellationToken).ConfigureAwait(false);
            if (page.Value is null)
            {
                Log.NotDelivered(logger, "member list", page.Failure?.ToString() ?? "empty");
                break;
            }

            foreach (var member in page.Value.Members ?? [])
            {
                members++;
                linked += await RememberMemberAsync(member, tenant, serviceUrl, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            continuation = Blank(page.Value.ContinuationToken);
        }
        while (continuation is not null);
        return (linked, members);
    }

    /// <summary>Saves a member's address and profile; links them to the person with their email (else UPN). True when linked.</summary>
    private async Task<bool> RememberMemberAsync(ChannelAccount member, string tenant, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (member.Id is not { Length: > 0 } id)
        {
            return false;
        }

        var user = new ChatUser(Platforms.Teams, tenant, id);
        var email = Blank(member.Email) ?? Blank(member.UserPrincipalName);
        var now = time.GetUtcNow();
        await users.SaveAsync(new ChatUserInfo(user, DisplayName: Blank(member.Name), Email: email, ServiceUrl: Blank(serviceUrl)), now, cancellationToken).ConfigureAwait(false);
        var person = await FindPersonAsync(member, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return false;
        }

        if (await identities.FindPersonIdAsync(user, cancellationToken).ConfigureAwait(false) != person)
        {
            await identities.LinkAsync(user, person, now, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<string?> FindPersonAsync(ChannelAccount member, CancellationToken cancellationToken)
    {
        foreach (var address in new[] { member.Email, member.UserPrincipalName })
        {
            if (Blank(address) is { } email && await identities.FindPersonIdByEmailAsync(email.Trim(), cancellationToken).ConfigureAwait(false) is { } person)
            {
                return person;
            }
        }

        return null;
    }

    /// <summary>Whose members to list: the team (by its id) in a team, else the conversation itself.</summary>
    private static ConversationAddress RosterOf(TeamsConversationEvent change) =>
        change.TeamId is { Length: > 0 } team ? change.Conversation with { ConversationId = team } : change.Conversation;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
