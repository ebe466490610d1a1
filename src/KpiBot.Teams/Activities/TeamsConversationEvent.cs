using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;

namespace KpiBot.Teams.Activities;

/// <summary>
/// A conversationUpdate or installationUpdate, as the adapter needs it to remember addresses: where it
/// happened, the team and channel when in a team, who joined or left, and whether the bot itself did.
/// </summary>
public sealed record TeamsConversationEvent(
    ConversationAddress Conversation,
    ConversationKind Kind,
    string? TeamId,
    string? TeamName,
    string? ChannelId,
    string? EventType,
    IReadOnlyList<TeamsMember> MembersAdded,
    IReadOnlyList<TeamsMember> MembersRemoved,
    bool BotAdded,
    bool BotRemoved);

/// <summary>A member by Bot Framework id and, when known, Entra object id and name.</summary>
public sealed record TeamsMember(string Id, string? AadObjectId, string? Name);
