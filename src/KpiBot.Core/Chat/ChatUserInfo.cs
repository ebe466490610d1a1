namespace KpiBot.Core.Chat;

/// <summary>
/// What the bot has learnt about a chat user from the platform, whether or not they are linked to a person:
/// their profile (email, IANA time zone, locale) and how to reach them in a 1:1 — on Teams the Bot Connector
/// <see cref="ServiceUrl"/> learnt from an authenticated activity and, once created, the 1:1 conversation id;
/// on Slack the DM channel id. A null field means "not known"; saving never erases a known value with null.
/// </summary>
public sealed record ChatUserInfo(
    ChatUser User,
    string? DisplayName = null,
    string? Email = null,
    string? TimeZone = null,
    string? Locale = null,
    string? ServiceUrl = null,
    string? PersonalConversationId = null)
{
    /// <summary>The 1:1 conversation, when its id is known.</summary>
    public ConversationAddress? Personal =>
        PersonalConversationId is null ? null : new ConversationAddress(User.Platform, User.TenantId, PersonalConversationId, ServiceUrl);
}
