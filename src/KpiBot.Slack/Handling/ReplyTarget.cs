using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;

namespace KpiBot.Slack.Handling;

/// <summary>
/// Where a reply goes: the user and conversation the input came from, what kind of conversation it is (a
/// private reply in a channel is ephemeral), a slash command's <c>response_url</c> (then replies go there), and
/// the card message a receipt replaces.
/// </summary>
public sealed record ReplyTarget(ChatUser User, ConversationAddress Conversation, ConversationKind Kind, Uri? ResponseUrl = null, MessageRef? Card = null)
{
    /// <summary>A card's conversation: the bot's DM (ids start with D) or a channel.</summary>
    public static ReplyTarget ForCard(CardSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var kind = submission.Conversation.ConversationId.StartsWith('D') ? ConversationKind.Personal : ConversationKind.Channel;
        return new ReplyTarget(submission.User, submission.Conversation, kind, null, submission.Card);
    }
}
