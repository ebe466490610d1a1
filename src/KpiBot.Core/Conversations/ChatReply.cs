using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations;

/// <summary>Who sees a reply: everyone in the conversation, or only the user (Slack ephemeral / a Teams 1:1).</summary>
public enum ReplyVisibility { Conversation, Private }

/// <summary>One view to send in answer to a message or submission.</summary>
public sealed record Reply(ChatView View, ReplyVisibility Visibility = ReplyVisibility.Conversation);

/// <summary>
/// The engine's answer. <see cref="Replies"/> go back where the input came from; <see cref="CardUpdate"/>,
/// when set, replaces the submitted card (the receipt). Messages for others (a lead told of a new blocker) are
/// not part of it: they are delivery rows (<see cref="Delivery.Notices"/>).
/// </summary>
public sealed record ChatReply(IReadOnlyList<Reply> Replies, ChatView? CardUpdate = null)
{
    public static ChatReply Say(ChatView view, ReplyVisibility visibility = ReplyVisibility.Conversation) =>
        new([new Reply(view, visibility)]);
}
