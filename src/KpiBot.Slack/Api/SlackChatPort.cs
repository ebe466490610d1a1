using KpiBot.Core.Chat;
using KpiBot.Core.Views;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.People;

namespace KpiBot.Slack.Api;

/// <summary>
/// The engine's chat port on Slack: renders a view as Block Kit and posts it with the token of the workspace
/// the address belongs to, or replaces an earlier message with chat.update. A person's DM channel is opened
/// once with conversations.open and kept in <see cref="IChatUserStore"/>, so a prompt is one call. A person with no
/// Slack identity yet is looked up by email (<see cref="SlackPersonLookup"/>, when given) and linked, else is
/// unreachable (<c>no_slack_identity</c>). Never throws for Slack's refusals:
/// 429 and <c>ratelimited</c> become <see cref="SendOutcome.RateLimited"/>, Slack's passing failures and network
/// errors <see cref="SendOutcome.Transient"/>, a post left unanswered past the client's timeout
/// <see cref="SendOutcome.Unknown"/> (never posted twice), every other refusal <see cref="SendOutcome.Unreachable"/>.
/// </summary>
public sealed class SlackChatPort(
    SlackApiClient client, IIdentityStore identities, IChatUserStore users, TimeProvider time, SlackPersonLookup? lookup = null) : IChatPort
{
    public async Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken)
    {
        var linked = (await identities.IdentitiesOfAsync(personId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(u => u.Platform == Platforms.Slack);
        if (linked is null && lookup is null)
        {
            return new SendOutcome.Unreachable("no_slack_identity");
        }

        return await GuardAsync(
            async () =>
            {
                var user = linked ?? await lookup!.FindAsync(personId, cancellationToken).ConfigureAwait(false);
                if (user is null)
                {
                    return new SendOutcome.Unreachable("no_slack_identity");
                }

                var known = await users.FindAsync(user, cancellationToken).ConfigureAwait(false);
                var channel = known?.PersonalConversationId;
                if (channel is null)
                {
                    channel = await client.OpenConversationAsync(user.TenantId, user.UserId, cancellationToken).ConfigureAwait(false);
                    await users.SaveAsync(new ChatUserInfo(user, PersonalConversationId: channel), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }

                return await PostAsync(new ConversationAddress(Platforms.Slack, user.TenantId, channel), view, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return GuardAsync(() => PostAsync(channel, view, cancellationToken), cancellationToken);
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
            cancellationToken);
    }

    /// <summary>Posts every part of the view (a long digest is several messages); the first one is the reference.</summary>
    private async Task<SendOutcome> PostAsync(ConversationAddress conversation, ChatView view, CancellationToken ct)
    {
        MessageRef? first = null;
        foreach (var message in BlockKitRenderer.Render(view))
        {
            try
            {
                var (channel, ts) = await client.PostMessageAsync(conversation.TenantId, conversation.ConversationId, message, null, ct).ConfigureAwait(false);
                first ??= new MessageRef(conversation with { ConversationId = channel }, ts);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slack got the post but did not answer within the client's timeout: it usually posted it anyway,
                // and chat.postMessage has no idempotency key, so posting again would show it twice.
                return new SendOutcome.Unknown("no answer from chat.postMessage in time; it may have been posted");
            }
        }

        return new SendOutcome.Delivered(first!);
    }

    private static async Task<SendOutcome> GuardAsync(Func<Task<SendOutcome>> send, CancellationToken ct)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (SlackRateLimitedException e)
        {
            return new SendOutcome.RateLimited(e.RetryAfter);
        }
        catch (SlackApiException e) when (e.Error == "ratelimited")
        {
            return new SendOutcome.RateLimited(TimeSpan.FromSeconds(1));
        }
        catch (SlackApiException e)
        {
            return e.IsTransient ? new SendOutcome.Transient(e.Error) : new SendOutcome.Unreachable(e.Error);
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome.Transient(e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendOutcome.Transient("timeout");
        }
    }
}
