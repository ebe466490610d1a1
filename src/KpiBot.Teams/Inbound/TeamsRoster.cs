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
/// What Teams shows about people, handed to Core's <see cref="ChatDirectory"/>: each sender's service URL, 1:1
/// conversation, time zone and locale; on an install the members of the team or chat (fetched page by page),
/// linked there to people of the goals file by email or UPN. Only service URLs of authenticated activities
/// reach it.
/// </summary>
public sealed class TeamsRoster(
    BotConnectorClient connector, ChatDirectory directory, IInboundDedupe dedupe, TimeProvider time, ILogger<TeamsRoster> logger)
{
    /// <summary>Saves what an activity says about its sender; returns what was known before (null: first contact).</summary>
    public async Task<ChatUserInfo?> RememberSenderAsync(Activity activity, ChatUser user, ConversationKind kind, string? timeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(user);
        var clientInfo = activity.Entities?.FirstOrDefault(e => e.Type == "clientInfo");
        var seen = new ChatUserInfo(
            user,
            DisplayName: Blank(activity.From?.Name),
            TimeZone: Blank(timeZone),
            Locale: Blank(clientInfo?.Locale) ?? Blank(activity.Locale),
            ServiceUrl: Blank(activity.ServiceUrl),
            PersonalConversationId: kind == ConversationKind.Personal ? Blank(activity.Conversation?.Id) : null);
        return await directory.SeenAsync(seen, cancellationToken).ConfigureAwait(false);
    }

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
        var personal = await directory.PersonalAsync(user, serviceUrl, cancellationToken).ConfigureAwait(false);
        return personal.Value is { } address ? ConnectorResult<ConversationAddress>.Of(address) : ConnectorResult<ConversationAddress>.Failed(personal.Failure!);
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
        var profile = new ChatUserInfo(user, DisplayName: Blank(member.Name), Email: Blank(member.Email) ?? Blank(member.UserPrincipalName), ServiceUrl: Blank(serviceUrl));
        var learned = await directory.LearnAsync(profile, keepStrangers: true, cancellationToken).ConfigureAwait(false);
        if (learned == ChatLearned.NotAPerson && Blank(member.UserPrincipalName) is { } upn && !string.Equals(upn, profile.Email, StringComparison.OrdinalIgnoreCase))
        {
            // Without a known email, the UPN is often the address the goals file has.
            learned = await directory.LearnAsync(profile with { Email = upn }, keepStrangers: true, cancellationToken).ConfigureAwait(false);
        }

        return learned != ChatLearned.NotAPerson;
    }

    /// <summary>Whose members to list: the team (by its id) in a team, else the conversation itself.</summary>
    private static ConversationAddress RosterOf(TeamsConversationEvent change) =>
        change.TeamId is { Length: > 0 } team ? change.Conversation with { ConversationId = team } : change.Conversation;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
