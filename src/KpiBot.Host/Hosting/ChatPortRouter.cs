using KpiBot.Core.Chat;
using KpiBot.Core.Views;

namespace KpiBot.Host.Hosting;

/// <summary>
/// The engine's chat port when one or more platforms are configured: a message to a person goes to the
/// platform of their first chat identity that this host can send on (<see cref="ChatPlatformSet"/> order); a
/// channel post or an update goes to the platform of its address. A person with no usable identity is offered
/// to each platform in turn (Slack may find them by email and link them); the first answer other than
/// Unreachable counts. When none finds them they are unreachable (<c>no_chat_identity</c>) — the lead sees it
/// in <c>status</c> — rather than an error.
/// </summary>
public sealed class ChatPortRouter(IServiceProvider services, IIdentityStore identities, ChatPlatformSet platforms) : IChatPort
{
    public async Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken)
    {
        var known = await identities.IdentitiesOfAsync(personId, cancellationToken).ConfigureAwait(false);
        foreach (var platform in platforms.Names)
        {
            if (known.Any(u => u.Platform == platform))
            {
                return await PortOf(platform)!.SendToPersonAsync(personId, view, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var platform in platforms.Names)
        {
            var outcome = await PortOf(platform)!.SendToPersonAsync(personId, view, cancellationToken).ConfigureAwait(false);
            if (outcome is not SendOutcome.Unreachable)
            {
                return outcome;
            }
        }

        return new SendOutcome.Unreachable("no_chat_identity");
    }

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return PortOf(channel.Platform) is { } port
            ? port.PostToChannelAsync(channel, view, cancellationToken)
            : Task.FromResult(NotConfigured(channel.Platform));
    }

    public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PortOf(message.Conversation.Platform) is { } port
            ? port.UpdateAsync(message, view, cancellationToken)
            : Task.FromResult(NotConfigured(message.Conversation.Platform));
    }

    private IChatPort? PortOf(string platform) =>
        platforms.Names.Contains(platform, StringComparer.Ordinal) ? services.GetRequiredKeyedService<IChatPort>(platform) : null;

    private static SendOutcome NotConfigured(string platform) => new SendOutcome.Unreachable($"{platform}_not_configured");
}
