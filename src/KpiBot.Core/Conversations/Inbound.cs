using KpiBot.Core.Chat;

namespace KpiBot.Core.Conversations;

public enum ConversationKind { Personal, Channel, GroupChat }

/// <summary>
/// A text command as an adapter parsed it: from a DM, a mention (mention text already stripped) or a slash
/// command. <see cref="Locale"/> is the chat client's locale when known; <see cref="Email"/> the user's
/// email when the platform gave it (used to link an unknown chat user to a person by email).
/// </summary>
public sealed record IncomingMessage(
    ChatUser User,
    ConversationAddress Conversation,
    ConversationKind Kind,
    string Text,
    string? Locale = null,
    string? Email = null);

/// <summary>
/// A card submission: Submit (values per KDI id as typed, note, blocker), Skip (reason in the note) or
/// Same. <see cref="SubmissionId"/> identifies the platform delivery so a retried submission is recognised.
/// <see cref="Card"/> is the message that carried the card, to be replaced by the receipt.
/// <see cref="PersonId"/> is the card's <c>CheckInPromptView.PersonId</c> as the card carried it; only that
/// person may submit it.
/// </summary>
public sealed record CardSubmission(
    ChatUser User,
    ConversationAddress Conversation,
    CardAction Action,
    string OccurrenceKey,
    DateOnly WorkDay,
    int CardVersion,
    IReadOnlyDictionary<string, string?> Values,
    string? Note,
    bool Blocker,
    string SubmissionId,
    MessageRef? Card = null,
    bool Confirmed = false,
    string? Locale = null,
    string? Email = null,
    string? PersonId = null)
{
    /// <summary>For <see cref="CardAction.Later"/>: when to ask again, as chosen on the card ("30m", "1h", "2h" or a time "17:30").</summary>
    public string? Later { get; init; }
}

/// <summary>What a card's button asked for; <see cref="Later"/> is a snooze (the card is sent again once, at the chosen time).</summary>
public enum CardAction { Submit, Skip, Same, Later }

/// <summary>
/// A request to see a card again as a form (a prompt's "Check in" button): the card's occurrence key, work
/// day and the person it was for, asked by <see cref="User"/>.
/// </summary>
public sealed record CardRequest(
    ChatUser User,
    ConversationAddress Conversation,
    string OccurrenceKey,
    DateOnly WorkDay,
    string? PersonId = null,
    string? Locale = null,
    string? Email = null);
