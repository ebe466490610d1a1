using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Slack.Api;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Handling;

/// <summary>
/// Sends the engine's answer on Slack after the acknowledgement: check-in cards to the person's DM (so the
/// receipt can replace them), other replies through the slash command's <c>response_url</c> or in the
/// conversation — <see cref="ReplyVisibility.Private"/> ones in a channel as ephemeral messages — then the
/// receipt over the card (chat.update).
/// </summary>
public sealed class SlackReplier(
    SlackApiClient client, ChatDirectory directory, SlackChatPort slack, ILogger<SlackReplier> logger)
{
    /// <param name="firstAnswered">The first part of the first reply already went back in the acknowledgement.</param>
    public async Task DeliverAsync(ChatReply reply, ReplyTarget target, bool firstAnswered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(target);
        var skip = firstAnswered;
        foreach (var r in reply.Replies)
        {
            if (r.View is CheckInPromptView prompt)
            {
                // The card is the sender's own (built for the person who wrote): it goes to their Slack DM.
                var dm = await directory.PersonalAsync(target.User, null, ct).ConfigureAwait(false);
                Check("a card", dm.Value is { } address ? await slack.PostAsync(address, prompt, ct).ConfigureAwait(false) : dm.Failure!);
                continue;
            }

            foreach (var part in BlockKitRenderer.Render(r.View))
            {
                if (skip)
                {
                    skip = false;
                    continue;
                }

                await SayAsync(part, r.Visibility, target, ct).ConfigureAwait(false);
            }

            skip = false;
        }

        if (reply.CardUpdate is { } receipt && target.Card is { } card)
        {
            Check("the card", await slack.UpdateAsync(card, receipt, ct).ConfigureAwait(false));
        }
    }

    /// <summary>The acknowledgement's answer for a slash command: the first part of the first reply that is not a card.</summary>
    public static ResponseMessage? FirstAnswer(ChatReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Replies.FirstOrDefault() is { View: not CheckInPromptView } first
            ? Response(BlockKitRenderer.Render(first.View)[0], first.Visibility)
            : null;
    }

    private async Task SayAsync(SlackMessage part, ReplyVisibility visibility, ReplyTarget target, CancellationToken ct)
    {
        var team = target.Conversation.TenantId;
        try
        {
            if (target.ResponseUrl is { } url)
            {
                await client.RespondAsync(url, Response(part, visibility), ct).ConfigureAwait(false);
            }
            else if (visibility == ReplyVisibility.Private && target.Kind != ConversationKind.Personal)
            {
                await client.PostEphemeralAsync(team, target.Conversation.ConversationId, target.User.UserId, part, ct).ConfigureAwait(false);
            }
            else
            {
                await client.PostMessageAsync(team, target.Conversation.ConversationId, part, null, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SlackApiException or SlackRateLimitedException or HttpRequestException)
        {
            Log.CallFailed(logger, "reply", team, e.Message);
        }
    }

    private static ResponseMessage Response(SlackMessage part, ReplyVisibility visibility) => new(
        visibility == ReplyVisibility.Private ? ResponseMessage.Ephemeral : ResponseMessage.InChannel, part.Text, part.Blocks);

    private void Check(string what, SendOutcome outcome)
    {
        if (outcome is not SendOutcome.Delivered)
        {
            Log.NotSent(logger, what, outcome.ToString());
        }
    }
}
