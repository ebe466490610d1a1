using KpiBot.Core.Chat;
using KpiBot.Core.Views;
using KpiBot.Teams.Connector;
using KpiBot.Teams.Inbound;

namespace KpiBot.Teams;

/// <summary>
/// The engine's chat port on Teams. A person is reached through their Teams identity and its 1:1
/// conversation (opened, and remembered, when there is none yet, on the service URL learnt from them);
/// channels and updates go to the address they carry. Outcomes are typed by the connector client:
/// 403/404 Unreachable, 429 RateLimited with Retry-After, 5xx and timeouts Transient.
/// </summary>
public sealed class TeamsChatPort(BotConnectorClient connector, IIdentityStore identities, TeamsRoster roster) : IChatPort
{
    public async Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var user = (await identities.IdentitiesOfAsync(personId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(u => u.Platform == Platforms.Teams);
        if (user is null)
        {
            return new SendOutcome.Unreachable("no_teams_identity");
        }

        var personal = await roster.PersonalConversationAsync(user, null, cancellationToken).ConfigureAwait(false);
        return personal.Value is { } conversation
            ? await SendAllAsync(conversation, view, cancellationToken).ConfigureAwait(false)
            : personal.Failure!;
    }

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(view);
        return SendAllAsync(channel, view, cancellationToken);
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
