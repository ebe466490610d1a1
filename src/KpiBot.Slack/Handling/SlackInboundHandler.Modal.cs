using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Json;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Slack.Handling;

/// <summary>The check-in modal's submission, decided before the acknowledgement because the answer shapes the ack.</summary>
public sealed partial class SlackInboundHandler
{
    private async Task<SlackAck> ModalAsync(CardSubmission submission, CancellationToken ct)
    {
        ChatReply reply;
        await using (var scope = scopes.CreateAsyncScope())
        {
            reply = await RunAsync(scope.ServiceProvider, submission, ct).ConfigureAwait(false);
        }

        var target = ReplyTarget.ForCard(submission);
        var refusal = reply.CardUpdate is null ? reply.Replies.FirstOrDefault()?.View : null;
        if (refusal is null || submission.Confirmed)
        {
            // Saved (the receipt replaces the card), or refused at the confirmation step: the form closes and the
            // answer is said in the conversation of the card.
            Deliver(reply, target);
            return Json(ViewSubmissionAck.Clear, SlackJsonContext.Default.ViewSubmissionAck);
        }

        // Refused in the form: what to fix is shown next to the field; the rest (a lead's notice) still goes out.
        Deliver(reply with { Replies = [] }, target);
        if (refusal is ConfirmView confirm && ConfirmStep(confirm, submission) is { } step)
        {
            return Json(ViewSubmissionAck.Push(step), SlackJsonContext.Default.ViewSubmissionAck);
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal) { [FieldBlock(refusal, submission)] = Mrkdwn.Truncate(refusal.Text, ErrorTextLimit) };
        return Json(ViewSubmissionAck.WithErrors(errors), SlackJsonContext.Default.ViewSubmissionAck);
    }

    /// <summary>The confirmation pushed over the form: confirming submits the same answer, confirmed; going back keeps the form as typed.</summary>
    private static ModalView? ConfirmStep(ConfirmView confirm, CardSubmission submission)
    {
        var card = new CardRef(
            submission.OccurrenceKey, submission.WorkDay, submission.CardVersion, submission.PersonId ?? string.Empty,
            submission.Card?.Conversation.ConversationId ?? submission.Conversation.ConversationId, submission.Card?.MessageId);
        var step = CheckInRenderer.RenderConfirmModal(confirm, new ConfirmRef(card, submission.Values, submission.Note, submission.Blocker));
        return step.PrivateMetadata.Length <= MetadataLimit ? step : null;
    }

    /// <summary>The input block an error belongs to: the refused KDI's, else the first KDI's, else the note's.</summary>
    private static string FieldBlock(ChatView refusal, CardSubmission submission)
    {
        if (refusal is ErrorView { FieldKey: { } field } && submission.Values.ContainsKey(field))
        {
            return SlackIds.KdiBlock(field);
        }

        return submission.Values.Keys.FirstOrDefault() is { } first ? SlackIds.KdiBlock(first) : SlackIds.NoteBlock;
    }

    private void Deliver(ChatReply reply, ReplyTarget target)
    {
        if (reply.Replies.Count == 0 && reply.CardUpdate is null)
        {
            return;
        }

        Queue("card answer", async work =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlackReplier>()
                .DeliverAsync(reply, target, false, work).ConfigureAwait(false);
        });
    }
}
