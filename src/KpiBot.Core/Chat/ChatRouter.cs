using KpiBot.Core.Goals;
using KpiBot.Core.Views;

namespace KpiBot.Core.Chat;

/// <summary>
/// The engine's chat port over every configured platform: a message to a person goes to the 1:1 that
/// <see cref="ChatDirectory.ReachAsync"/> finds (the first platform they are on, or are found on by email);
/// a channel post or an update goes to the platform of its address. Someone found nowhere is unreachable
/// (<c>no_chat_identity</c>), which leads see in <c>status</c>, rather than an error. A post the platform did not
/// answer in time is <see cref="SendOutcome.Unknown"/> (<see cref="SendOutcome.NoAnswerInTime"/>), on every platform.
/// </summary>
public sealed class ChatRouter(ChatDirectory directory, IGoalsProvider goals, IEnumerable<IChatSender> senders) : IChatPort
{
    private readonly IReadOnlyList<IChatSender> _senders = [.. senders];

    public Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken) =>
        SendToPersonAsync(personId, view, null, cancellationToken);

    public async Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken)
    {
        var model = await goals.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var reach = await directory.ReachAsync(personId, model?.PeopleById.GetValueOrDefault(personId)?.Email, cancellationToken).ConfigureAwait(false);
        return reach.Address is { } address
            ? await PostToChannelAsync(address, view, beforePost, cancellationToken).ConfigureAwait(false)
            : reach.Failure!;
    }

    /// <summary>Posts to any conversation (a channel, a group chat or a 1:1) on its platform.</summary>
    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken) =>
        PostToChannelAsync(channel, view, null, cancellationToken);

    public async Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, BeforePost? beforePost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (SenderOf(channel.Platform) is not { } sender)
        {
            return NotConfigured(channel.Platform);
        }

        if (beforePost is not null && !await beforePost(cancellationToken).ConfigureAwait(false))
        {
            return new SendOutcome.Withdrawn();
        }

        try
        {
            return await sender.PostAsync(channel, view, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (SendOutcome.NoAnswerInTime(e, cancellationToken) is { } unknown)
        {
            // Whatever the platform: a post left unanswered is never posted again.
            return unknown;
        }
    }

    public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SenderOf(message.Conversation.Platform) is { } sender
            ? sender.UpdateAsync(message, view, cancellationToken)
            : Task.FromResult(NotConfigured(message.Conversation.Platform));
    }

    public bool PostsChartsSeparately(string platform) => SenderOf(platform)?.PostsChartsSeparately ?? false;

    private IChatSender? SenderOf(string platform) => _senders.FirstOrDefault(s => s.Platform == platform);

    private static SendOutcome NotConfigured(string platform) => new SendOutcome.Unreachable($"{platform}_not_configured");
}
