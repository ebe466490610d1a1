using System.Globalization;
using System.Text.Json;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Slack.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace KpiBot.Slack.Inbound;

/// <summary>
/// Reads an interactivity post (form field <c>payload</c>, already verified): the prompt's buttons
/// (<c>block_actions</c>) and the check-in modal's <c>view_submission</c>. Socket Mode delivers the same JSON
/// without the form around it (<see cref="ParseJson"/>).
/// </summary>
public static class InteractionParser
{
    public static SlackInbound Parse(string formBody)
    {
        var json = SlashCommandParser.First(QueryHelpers.ParseQuery(formBody), "payload");
        return json is null ? new SlackInbound.Malformed("no payload") : ParseJson(json);
    }

    /// <summary>Reads the interaction JSON itself: the form field <c>payload</c> over HTTP, the envelope's <c>payload</c> over Socket Mode.</summary>
    public static SlackInbound ParseJson(string json)
    {
        SlackInteraction? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, SlackJsonContext.Default.SlackInteraction);
        }
        catch (JsonException)
        {
            return new SlackInbound.Malformed("invalid payload JSON");
        }

        var userId = payload?.User?.Id;
        var team = payload?.Team?.Id ?? payload?.User?.TeamId;
        if (payload is null || userId is null || team is null)
        {
            return new SlackInbound.Malformed("payload without user or team");
        }

        var user = new ChatUser(Platforms.Slack, team, userId);
        return payload.Type switch
        {
            "block_actions" => FromAction(payload, user),
            "view_submission" when payload.View?.CallbackId == SlackIds.CheckInModal => FromModal(payload, user),
            "view_submission" when payload.View?.CallbackId == SlackIds.ConfirmModal => FromConfirm(payload, user),
            "view_submission" when payload.View?.CallbackId == SlackIds.ReportModal => FromReport(payload, user),
            _ => new SlackInbound.Ignored($"interaction {payload.Type}"),
        };
    }

    private static SlackInbound FromAction(SlackInteraction payload, ChatUser user)
    {
        var action = payload.Actions is [var first, ..] ? first : null;
        var channel = payload.Container?.ChannelId ?? payload.Channel?.Id;
        switch (action?.ActionId)
        {
            case SlackIds.OpenReport when channel is not null && payload.TriggerId is { } reportTrigger:
                return new SlackInbound.OpenReport(user, channel, reportTrigger, string.IsNullOrEmpty(action.Value) ? null : action.Value);
            case SlackIds.OpenReport:
                return new SlackInbound.Malformed("report button without channel or trigger_id");
            case SlackIds.Confirm when channel is not null && !string.IsNullOrWhiteSpace(action.Value):
                var conversation = new ConversationAddress(Platforms.Slack, user.TenantId, channel);
                return new SlackInbound.Clicked(new IncomingMessage(user, conversation, KindOf(channel), action.Value.Trim()), payload.ResponseUrl);
        }

        var cardAction = action?.ActionId switch
        {
            SlackIds.Skip => CardAction.Skip,
            SlackIds.Same => CardAction.Same,
            SlackIds.Later or SlackIds.LaterAt => CardAction.Later,
            _ => (CardAction?)null,
        };
        if (action is null || (cardAction is null && action.ActionId != SlackIds.OpenCheckIn))
        {
            return new SlackInbound.Ignored($"action {action?.ActionId}");
        }

        // A button carries the card in its value; the "Later" menu and time picker in their block's id.
        var later = cardAction == CardAction.Later ? action.SelectedOption?.Value ?? action.SelectedTime : null;
        if (cardAction == CardAction.Later && string.IsNullOrWhiteSpace(later))
        {
            return new SlackInbound.Ignored("later without a choice");
        }

        if (ReadCard(cardAction == CardAction.Later ? action.BlockId : action.Value) is not { } card || payload.TriggerId is not { } trigger)
        {
            return new SlackInbound.Malformed("button without card or trigger_id");
        }

        card = card with
        {
            Channel = payload.Container?.ChannelId ?? payload.Channel?.Id,
            MessageTs = payload.Container?.MessageTs ?? payload.Message?.Ts,
        };
        if (cardAction is not { } what)
        {
            return new SlackInbound.OpenCheckIn(user, card, trigger);
        }

        var submitted = Submit(user, card, what, new Dictionary<string, string?>(), null, false, trigger, payload.ResponseUrl);
        return submitted is SlackInbound.Submission { Value: var value } s && later is not null
            ? s with { Value = value with { Later = later.Trim() } }
            : submitted;
    }

    private static SlackInbound FromModal(SlackInteraction payload, ChatUser user)
    {
        var view = payload.View!;
        if (ReadCard(view.PrivateMetadata) is not { } card)
        {
            return new SlackInbound.Malformed("check-in modal without its card");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? note = null;
        var blocker = false;
        foreach (var (blockId, actions) in view.State?.Values ?? [])
        {
            if (!actions.TryGetValue(SlackIds.ValueAction, out var input))
            {
                continue;
            }

            if (blockId.StartsWith(SlackIds.KdiBlockPrefix, StringComparison.Ordinal))
            {
                values[blockId[SlackIds.KdiBlockPrefix.Length..]] = string.IsNullOrWhiteSpace(input.Value) ? null : input.Value;
            }
            else if (blockId == SlackIds.NoteBlock)
            {
                note = string.IsNullOrWhiteSpace(input.Value) ? null : input.Value;
            }
            else if (blockId == SlackIds.BlockerBlock)
            {
                blocker = input.SelectedOptions?.Any(o => o.Value == SlackIds.BlockerOption) == true;
            }
        }

        return Submit(user, card, CardAction.Submit, values, note, blocker, payload.TriggerId ?? view.Id ?? string.Empty, null);
    }

    /// <summary>The report modal: the goal chosen, the result as typed, the day picked, the note; its metadata is the channel to answer in.</summary>
    private static SlackInbound FromReport(SlackInteraction payload, ChatUser user)
    {
        var view = payload.View!;
        if (string.IsNullOrEmpty(view.PrivateMetadata))
        {
            return new SlackInbound.Malformed("report modal without its channel");
        }

        SlackStateValue? Field(string field) =>
            view.State?.Values?.GetValueOrDefault(SlackIds.ReportBlock(field))?.GetValueOrDefault(SlackIds.ValueAction);
        var day = DateOnly.TryParseExact(Field(ReportFields.Day)?.SelectedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : (DateOnly?)null;
        var channel = view.PrivateMetadata;
        var submission = new ReportSubmission(
            user,
            new ConversationAddress(Platforms.Slack, user.TenantId, channel),
            KindOf(channel),
            Field(ReportFields.Goal)?.SelectedOption?.Value,
            Field(ReportFields.Amount)?.Value,
            day,
            Field(ReportFields.Note)?.Value);
        return new SlackInbound.Report(submission);
    }

    /// <summary>A DM (ids start with D) or a channel.</summary>
    private static ConversationKind KindOf(string channel) => channel.StartsWith('D') ? ConversationKind.Personal : ConversationKind.Channel;

    private static SlackInbound FromConfirm(SlackInteraction payload, ChatUser user)
    {
        var view = payload.View!;
        ConfirmRef? confirm = null;
        try
        {
            confirm = string.IsNullOrEmpty(view.PrivateMetadata) ? null : JsonSerializer.Deserialize(view.PrivateMetadata, SlackJsonContext.Default.ConfirmRef);
        }
        catch (JsonException)
        {
        }

        if (confirm?.Card is not { OccurrenceKey.Length: > 0, PersonId.Length: > 0 } card || confirm.Values is null)
        {
            return new SlackInbound.Malformed("confirmation without its card");
        }

        var values = new Dictionary<string, string?>(confirm.Values, StringComparer.Ordinal);
        return Submit(user, card, CardAction.Submit, values, confirm.Note, confirm.Blocker, payload.TriggerId ?? view.Id ?? string.Empty, null, confirmed: true);
    }

    private static SlackInbound Submit(
        ChatUser user, CardRef card, CardAction action, Dictionary<string, string?> values, string? note, bool blocker, string submissionId, string? responseUrl,
        bool confirmed = false)
    {
        if (card.Channel is null)
        {
            return new SlackInbound.Malformed("card without its conversation");
        }

        var conversation = new ConversationAddress(Platforms.Slack, user.TenantId, card.Channel);
        var message = card.MessageTs is { } ts ? new MessageRef(conversation, ts) : null;
        var submission = new CardSubmission(
            user, conversation, action, card.OccurrenceKey, card.WorkDay, card.CardVersion, values, note, blocker, submissionId, message, confirmed, PersonId: card.PersonId);
        return new SlackInbound.Submission(submission, responseUrl);
    }

    /// <summary>The card a button value or the modal's private metadata carries; null when absent or not ours.</summary>
    public static CardRef? ReadCard(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var card = JsonSerializer.Deserialize(json, SlackJsonContext.Default.CardRef);
            return card is { OccurrenceKey.Length: > 0, PersonId.Length: > 0 } ? card : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON a button value or the modal's private metadata carries for <paramref name="card"/>.</summary>
    public static string WriteCard(CardRef card) => JsonSerializer.Serialize(card, SlackJsonContext.Default.CardRef);

    /// <summary>The private metadata of the confirmation step.</summary>
    public static string WriteConfirm(ConfirmRef confirm) => JsonSerializer.Serialize(confirm, SlackJsonContext.Default.ConfirmRef);
}
