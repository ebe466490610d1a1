using System.Globalization;
using KpiBot.Core.Chat;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Conversations;

/// <summary>
/// Everything a command handler needs about who asked, where, and when: the person (resolved from the chat
/// identity), the current goals, the person's culture (chat locale → file → team → organisation), the
/// person's local today, and the conversation it came from.
/// </summary>
public sealed record CommandContext(
    Person Person,
    GoalsModel Model,
    CultureInfo Culture,
    DateOnly Today,
    DateTimeOffset Now,
    ChatUser User,
    ConversationAddress Conversation,
    ConversationKind Kind);
