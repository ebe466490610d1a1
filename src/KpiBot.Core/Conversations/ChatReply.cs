using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations;

/// <summary>Who sees a reply: everyone in the conversation, or only the user (Slack ephemeral / a Teams 1:1).</summary>
public enum ReplyVisibility { Conversation, Private }

/// <summary>One view to send in answer to a message or submission.</summary>
public sealed record Reply(ChatView View, ReplyVisibility Visibility = ReplyVisibility.Conversation);

/// <summary>
/// The engine's answer. <see cref="Replies"/> go back where the input came from; <see cref="CardUpdate"/>,
/// when set, replaces the submitted card (the receipt). <see cref="Outbox"/> holds messages for other people
/// (a lead told of a new blocker), handed to delivery by <see cref="OutboxSender"/>.
/// </summary>
public sealed record ChatReply(IReadOnlyList<Reply> Replies, ChatView? CardUpdate = null, IReadOnlyList<OutboundMessage>? Outbox = null)
{
    public static ChatReply Say(ChatView view, ReplyVisibility visibility = ReplyVisibility.Conversation) =>
        new([new Reply(view, visibility)]);
}

/// <summary>
/// A message for others that an answer causes (a lead told of a new blocker): what it is, whom it is about and
/// its work day — ids only. It becomes a delivery row (key <c>Kind:SubjectId:WorkDay</c>, so it is sent once)
/// and is written and sent by the delivery job, in each recipient's language.
/// </summary>
public sealed record OutboundMessage(OccurrenceKind Kind, string SubjectId, DateOnly WorkDay)
{
    /// <summary>The delivery occurrence, due at <paramref name="now"/>.</summary>
    public Occurrence ToOccurrence(DateTimeOffset now) => new(Kind, SubjectId, WorkDay, now);
}
