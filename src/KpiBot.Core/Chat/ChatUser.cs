namespace KpiBot.Core.Chat;

/// <summary>A user on a chat platform: platform ("slack" | "teams"), workspace or tenant id, and the platform's user id.</summary>
public sealed record ChatUser(string Platform, string TenantId, string UserId);

/// <summary>
/// Where a message goes or came from: a DM, a channel or a group chat. <see cref="ServiceUrl"/> is the Bot
/// Connector base URL learnt from an authenticated inbound Teams activity (null on Slack).
/// </summary>
public sealed record ConversationAddress(string Platform, string TenantId, string ConversationId, string? ServiceUrl = null);

/// <summary>A message the bot sent, so it can be updated later (Slack: channel + ts; Teams: conversation + activity id).</summary>
public sealed record MessageRef(ConversationAddress Conversation, string MessageId);

/// <summary>Chat platform names as stored.</summary>
public static class Platforms
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Test = "test";
}
