using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// A check-in answered in chat: a submitted card (its own person's only, typed numbers read), or the
/// <c>same</c> and <c>skip</c> commands. Values are written by <see cref="CheckInService"/>; this class
/// turns its result into the receipt that replaces the card, the refusal or the question. A late answer
/// counts for the card's work day, whatever day it arrives — within the team's response window
/// (<see cref="ClosedDays"/>).
/// </summary>
public sealed class CardSubmissions(CheckInService checkIns, ICheckInRepository entries, IDayStore days, Snoozes? snoozes = null)
{
    /// <summary>What a confirm button sends back; the adapter re-submits the same card with <c>Confirmed</c>.</summary>
    public const string ConfirmCommand = "confirm-checkin";

    private readonly CheckInService _checkIns = checkIns ?? throw new ArgumentNullException(nameof(checkIns));
    private readonly ICheckInRepository _entries = entries ?? throw new ArgumentNullException(nameof(entries));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));

    public async Task<ChatReply> HandleAsync(CommandContext context, CardSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        var culture = context.Culture;
        var owner = submission.PersonId ?? CardOccurrences.RecipientOf(submission.OccurrenceKey);
        if (owner is not null && !string.Equals(owner, context.Person.Id, StringComparison.Ordinal))
        {
            return ChatReply.Say(new ErrorView(Texts.Get(nameof(ConversationText.Submit_NotYourCard), culture)), ReplyVisibility.Private);
        }

        var cadence = CadenceOf(context.Model, submission);
        if (submission.Action == CardAction.Later)
        {
            // A snooze leaves the card as it is (it can still be answered now); the reply says until when.
            var later = snoozes ?? throw new InvalidOperationException("CardSubmissions was built without Snoozes.");
            var snoozed = await later.LaterAsync(context, submission.WorkDay, cadence, submission.Later, ct).ConfigureAwait(false);
            return ChatReply.Say(snoozed, ReplyVisibility.Private);
        }

        var result = submission.Action switch
        {
            CardAction.Skip => await SkipAsync(context, submission.WorkDay, cadence, submission.Note, ct).ConfigureAwait(false),
            CardAction.Same => await SameAsync(context, submission.WorkDay, cadence, ct).ConfigureAwait(false),
            _ => await SubmitAsync(context, submission, cadence, ct).ConfigureAwait(false),
        };
        if (!result.Saved)
        {
            return ChatReply.Say(result.View, ReplyVisibility.Private);
        }

        // The receipt replaces the card; when the card cannot be updated it is also said as a reply.
        IReadOnlyList<Reply> replies = submission.Card is null ? [new Reply(result.View, ReplyVisibility.Private)] : [];
        return new ChatReply(replies, result.View);
    }

    /// <summary>Records the answer's values through <see cref="CheckInService"/> and says what happened.</summary>
    public async Task<RecordReply> SubmitAsync(CommandContext context, CheckInAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        if (ClosedDays.Refusal(context, answer.Day, answer.Cadence) is { } closed)
        {
            return closed;
        }

        var submission = new CheckInSubmission(
            context.Person.Id, answer.Day, answer.Values, answer.Note, answer.Blocker, context.User.Platform,
            CardVersion: answer.CardVersion, Confirmed: answer.Confirmed);
        var result = await _checkIns.SubmitAsync(context.Model, submission, ct).ConfigureAwait(false);
        return CheckInReplies.For(context, answer, result);
    }

    /// <summary>Marks the day skipped (a daily card) — refused when it already has answers; a weekly card's skip is only acknowledged.</summary>
    public async Task<RecordReply> SkipAsync(CommandContext context, DateOnly day, KdiCadence cadence, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (day > context.Today)
        {
            return RecordReply.Refused(new ErrorView(Texts.Format(nameof(ConversationText.Day_Future), context.Culture, day, context.Today)));
        }

        if (ClosedDays.Refusal(context, day, cadence) is { } closed)
        {
            return closed;
        }

        var entries = await _entries.GetDayAsync(context.Person.Id, day, ct).ConfigureAwait(false);
        if (entries.Count > 0)
        {
            return RecordReply.Refused(new ErrorView(Texts.Format(nameof(ConversationText.Skip_AlreadyAnswered), context.Culture, day)));
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (cadence == KdiCadence.Daily)
        {
            await _days.SkipAsync(context.Person.Id, day, reason ?? string.Empty, context.Now, ct).ConfigureAwait(false);
        }

        return new RecordReply(Receipts.Skipped(context, day, cadence, reason), true);
    }

    /// <summary>Records for the card day the values of the person's last answered day before it (for the same KDIs).</summary>
    public async Task<RecordReply> SameAsync(CommandContext context, DateOnly day, KdiCadence cadence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (person, culture) = (context.Person, context.Culture);
        var cardDay = CardKdis.CardDay(context.Model, person, cadence, day);
        var kdiIds = CardKdis.Of(context.Model, person, cadence, cardDay).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        if (kdiIds.Count == 0)
        {
            return RecordReply.Refused(new MessageView(Texts.Format(nameof(ConversationText.Card_NothingToRecord), culture, cardDay)));
        }

        if (ClosedDays.Refusal(context, cardDay, cadence) is { } closed)
        {
            return closed;
        }

        if ((await _entries.GetDayAsync(person.Id, cardDay, ct).ConfigureAwait(false)).Any(e => kdiIds.Contains(e.NodeId)))
        {
            return RecordReply.Refused(new ErrorView(Texts.Format(nameof(ConversationText.Same_AlreadyAnswered), culture, cardDay)));
        }

        const int maxDaysBack = 14;
        var before = cardDay;
        for (var i = 0; i < maxDaysBack; i++)
        {
            if (await _entries.LastAnsweredDayBeforeAsync(person.Id, before, ct).ConfigureAwait(false) is not { } last)
            {
                break;
            }

            var values = (await _entries.GetDayAsync(person.Id, last, ct).ConfigureAwait(false))
                .Where(e => kdiIds.Contains(e.NodeId))
                .ToDictionary(e => e.NodeId, e => e.Value, StringComparer.Ordinal);
            if (values.Count > 0)
            {
                return await SubmitAsync(context, new CheckInAnswer(cardDay, cadence, values, Confirmed: true), ct).ConfigureAwait(false);
            }

            before = last;
        }

        return RecordReply.Refused(new ErrorView(Texts.Get(nameof(ConversationText.Same_NothingBefore), culture)));
    }

    private async Task<RecordReply> SubmitAsync(CommandContext context, CardSubmission submission, KdiCadence cadence, CancellationToken ct)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        string? refusedField = null;
        foreach (var (nodeId, raw) in submission.Values)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (ValueParser.TryParse(raw, out var value))
            {
                values[nodeId] = value;
            }
            else
            {
                var title = context.Model.NodesById.GetValueOrDefault(nodeId)?.Title ?? nodeId;
                unreadable.Add(Texts.Format(nameof(ConversationText.Submit_NotANumber), context.Culture, title, raw.Trim()));
                refusedField ??= nodeId;
            }
        }

        if (unreadable.Count > 0)
        {
            return RecordReply.Refused(new ErrorView(string.Join('\n', unreadable), FieldKey: refusedField));
        }

        var answer = new CheckInAnswer(submission.WorkDay, cadence, values, submission.Note, submission.Blocker, submission.CardVersion, submission.Confirmed);
        return await SubmitAsync(context, answer, ct).ConfigureAwait(false);
    }

    /// <summary>Weekly when the key says so or every submitted KDI is weekly; daily otherwise.</summary>
    private static KdiCadence CadenceOf(GoalsModel model, CardSubmission submission)
    {
        if (CardOccurrences.IsWeekly(submission.OccurrenceKey))
        {
            return KdiCadence.Weekly;
        }

        var kdis = submission.Values.Keys.Select(id => model.NodesById.GetValueOrDefault(id)).OfType<Kdi>().ToList();
        return kdis.Count > 0 && kdis.All(k => k.Cadence == KdiCadence.Weekly) ? KdiCadence.Weekly : KdiCadence.Daily;
    }
}
