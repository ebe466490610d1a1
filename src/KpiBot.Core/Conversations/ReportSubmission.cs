using KpiBot.Core.Chat;

namespace KpiBot.Core.Conversations;

/// <summary>
/// The report form submitted: the goal chosen, the amount as typed (¥, separators, 万 as the person writes them),
/// the day (null: today) and a note. <see cref="Card"/> is the message that carried the form, when it was a card
/// in the conversation (Teams), so the receipt can replace it. <see cref="Confirmed"/> when the person confirmed an
/// amount that looked too large.
/// </summary>
public sealed record ReportSubmission(
    ChatUser User,
    ConversationAddress Conversation,
    ConversationKind Kind,
    string? NodeId,
    string? Amount,
    DateOnly? Day,
    string? Note,
    MessageRef? Card = null,
    bool Confirmed = false,
    string? Locale = null,
    string? Email = null);

/// <summary>A request for the report form (a message's "Report a result" button), with the goal to select, if any.</summary>
public sealed record ReportFormRequest(
    ChatUser User,
    ConversationAddress Conversation,
    string? Selected = null,
    string? Locale = null,
    string? Email = null);
