using KpiBot.Core.Views;

namespace KpiBot.Core.Chat;

/// <summary>
/// A chat platform's way out, supplied by its adapter: render a view and post it to a given conversation, or
/// replace a message sent earlier. Who the conversation is for is decided before (<see cref="ChatDirectory"/>).
/// Never throws for a platform's refusal: the outcome says it.
/// </summary>
public interface IChatSender
{
    string Platform { get; }

    Task<SendOutcome> PostAsync(ConversationAddress conversation, ChatView view, CancellationToken cancellationToken);

    Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken);

    /// <summary>
    /// True when a chart goes out as a message of its own (<see cref="ChartImageView"/>: Slack's file upload); false
    /// when the platform shows it inside the message from its address (Teams' card image).
    /// </summary>
    bool PostsChartsSeparately => false;
}
