using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Teams.Activities;
using KpiBot.Teams.Cards;
using KpiBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace KpiBot.Teams.Inbound;

/// <summary>
/// Handles an authenticated, parsed activity: text commands and card submissions go to the engine and its
/// answer goes back through the Bot Connector (a private answer in a channel goes to the person's 1:1, as
/// Teams has no ephemeral messages); the receipt replaces the submitted card.
/// Conversation and installation events go to the <see cref="TeamsRoster"/>. No business rule lives here.
/// </summary>
public sealed class TeamsActivityHandler(
    ConversationService conversations,
    BotConnectorClient connector,
    TeamsRoster roster,
    IInboundDedupe dedupe,
    TimeProvider time,
    ILogger<TeamsActivityHandler> logger)
{
    /// <summary>Everything but an invoke: run after the HTTP request was answered.</summary>
    public async Task HandleAsync(TeamsInbound inbound, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(activity);
        switch (inbound)
        {
            case TeamsInbound.Message message:
                await AnsweredAsync("message", null, message.Input.Locale, activity, message.Input.User, () => MessageAsync(message, activity, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case TeamsInbound.Submission submission:
                await AnsweredAsync("check-in", submission.Input.PersonId, submission.Input.Locale, activity, submission.Input.User, () => SubmitAsync(submission, activity, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case TeamsInbound.Report report:
                await AnsweredAsync("report", null, report.Input.Locale, activity, report.Input.User, () => ReportAsync(report, activity, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case TeamsInbound.ConversationChanged changed:
                await roster.HandleEventAsync(changed.Event, activity, cancellationToken).ConfigureAwait(false);
                break;
            case TeamsInbound.Installation installation:
                await roster.HandleEventAsync(installation.Event, activity, cancellationToken).ConfigureAwait(false);
                break;
            case TeamsInbound.Ignored ignored:
                Log.Ignored(logger, ignored.Reason);
                break;
        }
    }

    /// <summary>
    /// An <c>adaptiveCard/action</c> invoke, answered in the HTTP response: the receipt card, the prompt again
    /// with its error, or a message. Whatever else the engine said is returned for sending afterwards.
    /// </summary>
    public async Task<(InvokeResponse Response, ChatReply Remaining)> InvokeAsync(TeamsInbound.Submission submission, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(activity);
        ChatReply reply;
        try
        {
            reply = await RefusedCardAsync(submission, await EngineAsync(submission, activity, cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, the person gets an answer (on the card they submitted); the error is logged.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.EngineFailed(logger, e, "check-in");
            var unavailable = await conversations.UnavailableAsync(submission.Input.User, submission.Input.PersonId, submission.Input.Locale ?? activity.Locale, cancellationToken).ConfigureAwait(false);
            return (InvokeResponse.Message(unavailable.Replies[0].View.Text), new ChatReply([]));
        }

        if (reply.CardUpdate is { } receipt)
        {
            return (InvokeResponse.Card(AdaptiveCardRenderer.Render(receipt)[0]), reply with { CardUpdate = null });
        }

        if (reply.Replies.FirstOrDefault() is { } first)
        {
            var rest = reply with { Replies = [.. reply.Replies.Skip(1)] };
            return (IsCard(first.View) ? InvokeResponse.Card(AdaptiveCardRenderer.Render(first.View)[0]) : InvokeResponse.Message(first.View.Text), rest);
        }

        return (InvokeResponse.Message(""), reply);
    }

    /// <summary>
    /// Runs the handling of a message, card or form. When it fails — the database went away, say — the person is
    /// told in the conversation to send it again, and the failure is logged: never silence.
    /// </summary>
    private async Task AnsweredAsync(
        string kind, string? personId, string? locale, Activity activity, ChatUser user, Func<Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, the person gets an answer; the error is logged.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.EngineFailed(logger, e, kind);
            var unavailable = await conversations.UnavailableAsync(user, personId, locale ?? activity.Locale, cancellationToken).ConfigureAwait(false);
            // Said where the request came from: a private answer in a channel needs the person's 1:1, read from the database.
            var said = unavailable.Replies.Select(r => r with { Visibility = ReplyVisibility.Conversation }).ToList();
            await ReplyAsync(said, activity, user, ConversationKind.Personal, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After an invoke was answered: the engine's other replies.</summary>
    public async Task FollowUpAsync(ChatReply rest, Activity activity, ChatUser user, ConversationKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(activity);
        await ReplyAsync(rest.Replies, activity, user, kind, cancellationToken).ConfigureAwait(false);
    }

    private async Task MessageAsync(TeamsInbound.Message message, Activity activity, CancellationToken cancellationToken)
    {
        var input = message.Input;
        if (activity.Id is { Length: > 0 } id
            && !await dedupe.FirstTimeAsync(Platforms.Teams, $"message:{input.Conversation.ConversationId}:{id}", time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            Log.Repeated(logger, id);
            return;
        }

        var known = await roster.RememberSenderAsync(activity, input.User, input.Kind, message.TimeZone, cancellationToken).ConfigureAwait(false);
        if (known is null && input.Kind == ConversationKind.Personal)
        {
            await SendAllAsync(input.Conversation, TeamsRoster.Welcome(activity.Locale), "welcome", cancellationToken).ConfigureAwait(false);
        }

        // The engine sees a channel as the channel, not the thread the mention was in (`link` stores it).
        var reply = await conversations.HandleAsync(input with { Conversation = EngineConversation(input.Conversation, input.Kind, activity), Email = known?.Email }, cancellationToken).ConfigureAwait(false);
        await ReplyAsync(reply.Replies, activity, input.User, input.Kind, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An Action.Submit (a message with the card's values): the card is replaced in place.</summary>
    private async Task SubmitAsync(TeamsInbound.Submission submission, Activity activity, CancellationToken cancellationToken)
    {
        var input = submission.Input;
        var reply = await RefusedCardAsync(submission, await EngineAsync(submission, activity, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        var replies = reply.Replies;
        var update = reply.CardUpdate;
        if (update is null && input.Card is not null && replies is [{ View: var again }] && IsCard(again))
        {
            // Not saved: the same card again with its error, in place of the one submitted.
            (update, replies) = (again, []);
        }

        if (update is not null && input.Card is { } card)
        {
            var outcome = await connector.UpdateAsync(card, TeamsMessages.Of(update)[0], cancellationToken).ConfigureAwait(false);
            if (outcome is not SendOutcome.Delivered)
            {
                Log.NotDelivered(logger, "card update", outcome.ToString());
                replies = [.. replies, new Reply(update, ReplyVisibility.Private)];
            }
        }

        await ReplyAsync(replies, activity, input.User, ConversationKind.Personal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A refused answer (a value the rules do not take) comes back as the same card with the error on it and
    /// the typed numbers kept, to replace the card that was submitted — not as a message under an unchanged card.
    /// </summary>
    private async Task<ChatReply> RefusedCardAsync(TeamsInbound.Submission submission, ChatReply reply, CancellationToken cancellationToken)
    {
        var input = submission.Input;
        if (reply.CardUpdate is not null || reply.Replies is not [{ View: ErrorView error }])
        {
            return reply;
        }

        var request = new CardRequest(input.User, input.Conversation, input.OccurrenceKey, input.WorkDay, input.PersonId, input.Locale, input.Email);
        var card = await conversations.CardAsync(request, cancellationToken).ConfigureAwait(false);
        return card is CheckInPromptView prompt
            ? reply with { Replies = [new Reply(prompt.Refused(error.Text, input.Values), ReplyVisibility.Private)] }
            : reply;
    }

    /// <summary>
    /// The report form submitted: the receipt replaces the form card; a refusal or a confirmation to give is said in
    /// the conversation, the form staying as typed so it can be corrected and sent again.
    /// </summary>
    private async Task ReportAsync(TeamsInbound.Report report, Activity activity, CancellationToken cancellationToken)
    {
        var input = report.Input;
        var known = await roster.RememberSenderAsync(activity, input.User, input.Kind, report.TimeZone, cancellationToken).ConfigureAwait(false);
        var engine = input with { Conversation = EngineConversation(input.Conversation, input.Kind, activity), Email = known?.Email };
        var reply = await conversations.HandleAsync(engine, cancellationToken).ConfigureAwait(false);
        var replies = reply.Replies;
        if (replies is [{ View: MessageView receipt }] && input.Card is { } card)
        {
            var outcome = await connector.UpdateAsync(card, TeamsMessages.Of(receipt)[0], cancellationToken).ConfigureAwait(false);
            if (outcome is SendOutcome.Delivered)
            {
                replies = [];
            }
            else
            {
                Log.NotDelivered(logger, "card update", outcome.ToString());
            }
        }

        await ReplyAsync(replies, activity, input.User, input.Kind, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatReply> EngineAsync(TeamsInbound.Submission submission, Activity activity, CancellationToken cancellationToken)
    {
        var input = submission.Input;
        var known = await roster.RememberSenderAsync(activity, input.User, KindOf(activity), submission.TimeZone, cancellationToken).ConfigureAwait(false);
        return await conversations.HandleAsync(input with { Email = known?.Email }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replies to the activity's conversation; a private reply outside a 1:1 goes to the person's 1:1.</summary>
    private async Task ReplyAsync(IReadOnlyList<Reply> replies, Activity activity, ChatUser user, ConversationKind kind, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            var messages = TeamsMessages.Of(reply.View);
            if (reply.Visibility == ReplyVisibility.Private && kind != ConversationKind.Personal)
            {
                var personal = await roster.PersonalConversationAsync(user, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
                if (personal.Value is { } address)
                {
                    await SendAllAsync(address, messages, "private reply", cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Log.NotDelivered(logger, "private reply", personal.Failure?.ToString() ?? "no 1:1");
                }

                continue;
            }

            var here = new ConversationAddress(Platforms.Teams, user.TenantId, activity.Conversation!.Id!, activity.ServiceUrl);
            foreach (var message in messages)
            {
                var outcome = activity.Id is { Length: > 0 } id
                    ? await connector.ReplyAsync(here, id, message, cancellationToken).ConfigureAwait(false)
                    : await connector.SendAsync(here, message, cancellationToken).ConfigureAwait(false);
                if (outcome is not SendOutcome.Delivered)
                {
                    Log.NotDelivered(logger, "reply", outcome.ToString());
                    break;
                }
            }
        }
    }

    private async Task SendAllAsync(ConversationAddress conversation, IReadOnlyList<OutgoingActivity> messages, string operation, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            var outcome = await connector.SendAsync(conversation, message, cancellationToken).ConfigureAwait(false);
            if (outcome is not SendOutcome.Delivered)
            {
                Log.NotDelivered(logger, operation, outcome.ToString());
                return;
            }
        }
    }

    /// <summary>A channel as the engine keeps it: the channel's id, without the thread's <c>;messageid=</c>.</summary>
    internal static ConversationAddress EngineConversation(ConversationAddress conversation, ConversationKind kind, Activity activity)
    {
        if (kind != ConversationKind.Channel)
        {
            return conversation;
        }

        var id = activity.ChannelData?.Channel?.Id is { Length: > 0 } channel ? channel : conversation.ConversationId;
        var thread = id.IndexOf(";messageid=", StringComparison.Ordinal);
        return conversation with { ConversationId = thread < 0 ? id : id[..thread] };
    }

    private static bool IsCard(ChatView view) => view is CheckInPromptView or ConfirmView;

    private static ConversationKind KindOf(Activity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationKind.Channel,
        "groupChat" => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };
}
