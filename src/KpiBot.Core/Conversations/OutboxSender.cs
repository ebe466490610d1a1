using KpiBot.Core.Channels;
using KpiBot.Core.Chat;

namespace KpiBot.Core.Conversations;

/// <summary>
/// Sends a reply's <see cref="ChatReply.Outbox"/> (a lead told of a new blocker, a message for a team's
/// channels) through the chat port. Adapters call it after answering the user, so the user's answer never
/// waits on, or fails with, a message to someone else.
/// </summary>
public sealed class OutboxSender(IChatPort chat, IChannelLinkStore channels)
{
    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutboundMessage>? outbox, CancellationToken cancellationToken)
    {
        var outcomes = new List<SendOutcome>();
        foreach (var message in outbox ?? [])
        {
            if (message.PersonId is { } person)
            {
                outcomes.Add(await chat.SendToPersonAsync(person, message.View, cancellationToken));
            }

            if (message.TeamId is { } team)
            {
                foreach (var channel in await channels.LinksOfTeamAsync(team, cancellationToken))
                {
                    outcomes.Add(await chat.PostToChannelAsync(channel, message.View, cancellationToken));
                }
            }
        }

        return outcomes;
    }
}
