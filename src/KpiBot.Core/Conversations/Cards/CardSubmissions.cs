using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// A submitted check-in card: checks it is the person's own card, reads the typed numbers, and records them
/// (Submit), marks the day skipped (Skip) or copies the last answer (Same). The receipt replaces the card;
/// a late answer counts for the card's work day, whatever day it arrives.
/// </summary>
public sealed class CardSubmissions(CheckInRecorder recorder)
{
    private readonly CheckInRecorder _recorder = recorder ?? throw new ArgumentNullException(nameof(recorder));

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
        var result = submission.Action switch
        {
            CardAction.Skip => await _recorder.SkipAsync(context, submission.WorkDay, cadence, submission.Note, ct).ConfigureAwait(false),
            CardAction.Same => await _recorder.SameAsync(context, submission.WorkDay, cadence, ct).ConfigureAwait(false),
            _ => await SubmitAsync(context, submission, cadence, ct).ConfigureAwait(false),
        };
        if (!result.Saved)
        {
            return new ChatReply([new Reply(result.View, ReplyVisibility.Private)], null, result.Outbox);
        }

        // The receipt replaces the card; when the card cannot be updated it is also said as a reply.
        IReadOnlyList<Reply> replies = submission.Card is null ? [new Reply(result.View, ReplyVisibility.Private)] : [];
        return new ChatReply(replies, result.View, result.Outbox);
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
        return await _recorder.SubmitAsync(context, answer, ct).ConfigureAwait(false);
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
