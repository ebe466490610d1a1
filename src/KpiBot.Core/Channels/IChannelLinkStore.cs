using KpiBot.Core.Chat;

namespace KpiBot.Core.Channels;

/// <summary>Channels that receive a team's digest, linked by <c>link &lt;team&gt;</c> in the channel itself.</summary>
public interface IChannelLinkStore
{
    /// <summary>Links the channel to the team (a channel serves one team; linking again moves it).</summary>
    Task LinkAsync(ConversationAddress channel, string teamId, string linkedBy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes the channel's link; returns the team it was linked to, if any.</summary>
    Task<string?> UnlinkAsync(ConversationAddress channel, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConversationAddress>> LinksOfTeamAsync(string teamId, CancellationToken cancellationToken);

    Task<string?> TeamOfChannelAsync(ConversationAddress channel, CancellationToken cancellationToken);
}
