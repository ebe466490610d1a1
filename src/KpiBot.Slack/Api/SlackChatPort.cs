using KpiBot.Core.Chat;
using KpiBot.Core.Views;
using KpiBot.Slack.BlockKit;

namespace KpiBot.Slack.Api;

/// <summary>
/// Slack's way out: renders a view as Block Kit and posts it with the token of the workspace the address belongs
/// to, or replaces an earlier message with chat.update. Whose conversation it is was decided by Core's
/// <see cref="ChatDirectory"/>. Never throws for Slack's refusals: 429 and <c>ratelimited</c> become
/// <see cref="SendOutcome.RateLimited"/>, Slack's passing failures and network errors <see cref="SendOutcome.Transient"/>,
/// every other refusal <see cref="SendOutcome.Unreachable"/>. A post left unanswered past the client's timeout is
/// not caught here: the engine's send path makes it <see cref="SendOutcome.Unknown"/>, as for every platform.
/// </summary>
public sealed class SlackChatPort(SlackApiClient client) : IChatSender
{
    public string Platform => Platforms.Slack;

    /// <summary>Slack shows a chart as a file shared in the channel (files.getUploadURLExternal + files.completeUploadExternal).</summary>
    public bool PostsChartsSeparately => true;

    public Task<SendOutcome> PostAsync(ConversationAddress conversation, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return view is ChartImageView chart
            ? GuardAsync(() => UploadAsync(conversation, chart, cancellationToken), cancellationToken, posting: false)
            : GuardAsync(() => PostPartsAsync(conversation, view, cancellationToken), cancellationToken, posting: true);
    }

    /// <summary>
    /// Shares the chart's PNG in the conversation with its caption. A refusal or a failure before
    /// files.completeUploadExternal answered shared nothing and may be retried (a new upload); no answer from
    /// files.completeUploadExternal in time may have shared it, so it is <see cref="SendOutcome.Unknown"/>, never retried.
    /// </summary>
    private async Task<SendOutcome> UploadAsync(ConversationAddress conversation, ChartImageView chart, CancellationToken ct)
    {
        try
        {
            var fileId = await client.UploadFileAsync(conversation.TenantId, conversation.ConversationId, chart.FileName, chart.Png,
                chart.Title, chart.AltText, Mrkdwn.Escape(chart.Text), ct).ConfigureAwait(false);
            return new SendOutcome.Delivered(new MessageRef(conversation, fileId));
        }
        catch (TimeoutException)
        {
            return new SendOutcome.Unknown("no answer from files.completeUploadExternal in time; the chart may have been shared");
        }
    }

    public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return GuardAsync(
            async () =>
            {
                var first = BlockKitRenderer.Render(view)[0];
                await client.UpdateMessageAsync(message.Conversation.TenantId, message.Conversation.ConversationId, message.MessageId, first, cancellationToken).ConfigureAwait(false);
                return new SendOutcome.Delivered(message);
            },
            cancellationToken,
            posting: false);
    }

    /// <summary>Posts every part of the view (a long digest is several messages); the first one is the reference.</summary>
    private async Task<SendOutcome> PostPartsAsync(ConversationAddress conversation, ChatView view, CancellationToken ct)
    {
        MessageRef? first = null;
        foreach (var message in BlockKitRenderer.Render(view))
        {
            var (channel, ts) = await client.PostMessageAsync(conversation.TenantId, conversation.ConversationId, message, null, ct).ConfigureAwait(false);
            first ??= new MessageRef(conversation with { ConversationId = channel }, ts);
        }

        return new SendOutcome.Delivered(first!);
    }

    /// <summary>
    /// Slack's refusals as outcomes. A post's timeout is left to the engine's send path (<see cref="KpiBot.Core.Chat.ChatDirectory"/>):
    /// Slack usually posted it anyway and chat.postMessage takes no idempotency key, so it must not be retried.
    /// </summary>
    private static async Task<SendOutcome> GuardAsync(Func<Task<SendOutcome>> send, CancellationToken ct, bool posting)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (Exception e) when (!(posting && SendOutcome.NoAnswerInTime(e, ct) is not null) && Refusal(e, ct) is not null)
        {
            return Refusal(e, ct)!;
        }
    }

    /// <summary>A Slack refusal or network failure as an outcome; null for anything else (a bug, or the caller's cancellation).</summary>
    internal static SendOutcome? Refusal(Exception exception, CancellationToken ct) => exception switch
    {
        SlackRateLimitedException e => new SendOutcome.RateLimited(e.RetryAfter),
        SlackApiException { Error: "ratelimited" } => new SendOutcome.RateLimited(TimeSpan.FromSeconds(1)),
        SlackApiException e => e.IsTransient ? new SendOutcome.Transient(e.Error) : new SendOutcome.Unreachable(e.Error),
        HttpRequestException e => new SendOutcome.Transient(e.HttpRequestError.ToString()),
        TaskCanceledException when !ct.IsCancellationRequested => new SendOutcome.Transient("timeout"),
        _ => null,
    };
}
