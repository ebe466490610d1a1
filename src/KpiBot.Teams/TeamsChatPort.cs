using KpiBot.Core.Chat;
using KpiBot.Core.Views;
using KpiBot.Teams.Connector;

namespace KpiBot.Teams;

/// <summary>
/// Teams' way out: renders a view as Adaptive Card activities and sends them to the conversation given (on its
/// service URL), or replaces a message sent earlier. Whose conversation it is was decided by Core's
/// <see cref="ChatDirectory"/>. Outcomes are typed by the connector client: 403/404 Unreachable, 429
/// RateLimited with Retry-After, 5xx and timeouts Transient.
/// </summary>
public sealed class TeamsChatPort(BotConnectorClient connector) : IChatSender
{
    public string Platform => Platforms.Teams;

    public Task<SendOutcome> PostAsync(ConversationAddress conversation, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(view);
        return SendAllAsync(conversation, view, cancellationToken);
    }

    public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(view);
        return connector.UpdateAsync(message, TeamsMessages.Of(view)[0], cancellationToken);
    }

    /// <summary>
    /// Sends each part of the view (a split digest has several). Stops at the first failure; once a part was
    /// delivered the send counts as delivered (by its first message), since sending again would repeat it.
    /// </summary>
    private async Task<SendOutcome> SendAllAsync(ConversationAddress conversation, ChatView view, CancellationToken cancellationToken)
    {
        SendOutcome? first = null;
        foreach (var message in TeamsMessages.Of(view))
        {
            var outcome = await connector.SendAsync(conversation, message, cancellationToken).ConfigureAwait(false);
            if (outcome is not SendOutcome.Delivered)
            {
                return first ?? outcome;
            }

            first ??= outcome;
        }

        return first ?? new SendOutcome.Transient("nothing to send");
    }
}
