using KpiBot.Core.CheckIns;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// Records a person's answers for one card day — from a card or from <c>same</c> / <c>skip</c> — after
/// every value passed <see cref="CheckInRules"/>: all values first, then the receipt. Asks before saving a
/// value over 10× its target or overwriting a newer answer than the card showed; raises or resolves the
/// person's blocker and tells their leads of a new one.
/// </summary>
public sealed class CheckInRecorder(ICheckInRepository checkIns, IDayStore days, IBlockerStore blockers)
{
    /// <summary>What a confirm button sends back; the adapter re-submits the same card with <c>Confirmed</c>.</summary>
    public const string ConfirmCommand = "confirm-checkin";

    private readonly ICheckInRepository _checkIns = checkIns ?? throw new ArgumentNullException(nameof(checkIns));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));
    private readonly IBlockerStore _blockers = blockers ?? throw new ArgumentNullException(nameof(blockers));

    public async Task<RecordReply> SubmitAsync(CommandContext context, CheckInAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        var (model, person, culture) = (context.Model, context.Person, context.Culture);
        if (answer.Values.Count == 0)
        {
            return RecordReply.Refused(new ErrorView(Texts.Get(nameof(ConversationText.Submit_NoValues), culture)));
        }

        var problems = new List<string>();
        var questions = new List<string>();
        string? refusedField = null;
        foreach (var (nodeId, value) in answer.Values)
        {
            if (CheckInRules.Check(model, person, nodeId, answer.Day, value, context.Today, answer.Confirmed) is { } problem)
            {
                (problem.NeedsConfirmation ? questions : problems).Add(Problem(model, nodeId, problem.Message(culture), culture));
                refusedField ??= problem.NeedsConfirmation ? null : nodeId;
            }
        }

        if (problems.Count > 0)
        {
            return RecordReply.Refused(new ErrorView(string.Join('\n', problems), FieldKey: refusedField));
        }

        var current = (await _checkIns.GetDayAsync(person.Id, answer.Day, ct).ConfigureAwait(false)).ToDictionary(e => e.NodeId, StringComparer.Ordinal);
        if (!answer.Confirmed && answer.CardVersion is { } version)
        {
            questions.AddRange(answer.Values
                .Where(v => current.TryGetValue(v.Key, out var e) && e.Revision > version && e.Value != v.Value)
                .Select(v => Stale(model, v.Key, current[v.Key].Value, v.Value, culture)));
        }

        if (questions.Count > 0)
        {
            var text = string.Join('\n', questions.Append(Texts.Get(nameof(ConversationText.Confirm_Question), culture)));
            return RecordReply.Refused(new ConfirmView(
                text, Texts.Get(nameof(ConversationText.Confirm_Yes), culture), Texts.Get(nameof(ConversationText.Confirm_No), culture), ConfirmCommand));
        }

        var note = string.IsNullOrWhiteSpace(answer.Note) ? null : answer.Note.Trim();
        var saved = new List<(Kdi Kdi, decimal Value)>();
        foreach (var (nodeId, value) in answer.Values)
        {
            var entry = new CheckInEntry(person.Id, nodeId, answer.Day, value, note, answer.Blocker, context.User.Platform);
            var result = await _checkIns.RecordAsync(entry, person.Id, context.Now, ct).ConfigureAwait(false);
            if (!result.Stored)
            {
                problems.Add(Problem(model, nodeId, Texts.Format(nameof(ConversationText.Submit_NotStored), culture, value, result.Outcome), culture));
            }
            else if (model.NodesById[nodeId] is Kdi kdi)
            {
                saved.Add((kdi, value));
            }
        }

        var outbox = await BlockerAsync(context, answer.Day, note, answer.Blocker, ct).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            return new RecordReply(new ErrorView(string.Join('\n', problems)), saved.Count > 0, outbox);
        }

        var ordered = saved.OrderBy(s => IndexOf(model, s.Kdi)).ToList();
        return new RecordReply(Receipts.Saved(context, answer.Day, answer.Cadence, ordered, note, answer.Blocker), true, outbox);
    }

    /// <summary>Marks the day skipped (a daily card) — refused when it already has answers; a weekly card's skip is only acknowledged.</summary>
    public async Task<RecordReply> SkipAsync(CommandContext context, DateOnly day, KdiCadence cadence, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (day > context.Today)
        {
            return RecordReply.Refused(new ErrorView(Texts.Format(nameof(ConversationText.Day_Future), context.Culture, day, context.Today)));
        }

        var entries = await _checkIns.GetDayAsync(context.Person.Id, day, ct).ConfigureAwait(false);
        if (entries.Count > 0)
        {
            return RecordReply.Refused(new ErrorView(Texts.Format(nameof(ConversationText.Skip_AlreadyAnswered), context.Culture, day)));
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (cadence == KdiCadence.Daily)
        {
            await _days.SkipAsync(context.Person.Id, day, reason ?? string.Empty, context.Now, ct).ConfigureAwait(false);
        }

        return new RecordReply(Receipts.Skipped(context, day, cadence, reason), true, []);
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

        if ((await _checkIns.GetDayAsync(person.Id, cardDay, ct).ConfigureAwait(false)).Any(e => kdiIds.Contains(e.NodeId)))
        {
            return RecordReply.Refused(new ErrorView(Texts.Format(nameof(ConversationText.Same_AlreadyAnswered), culture, cardDay)));
        }

        const int maxDaysBack = 14;
        var before = cardDay;
        for (var i = 0; i < maxDaysBack; i++)
        {
            if (await _checkIns.LastAnsweredDayBeforeAsync(person.Id, before, ct).ConfigureAwait(false) is not { } last)
            {
                break;
            }

            var values = (await _checkIns.GetDayAsync(person.Id, last, ct).ConfigureAwait(false))
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

    private async Task<IReadOnlyList<OutboundMessage>> BlockerAsync(CommandContext context, DateOnly day, string? note, bool blocker, CancellationToken ct)
    {
        var person = context.Person;
        if (!blocker)
        {
            await _blockers.ResolveAsync(person.Id, person.Id, context.Now, ct).ConfigureAwait(false);
            return [];
        }

        if (!await _blockers.RaiseAsync(person.Id, day, note, context.Now, ct).ConfigureAwait(false))
        {
            return [];
        }

        return BlockerNotices.ForLeads(context.Model, person, day, note);
    }

    private static string Problem(GoalsModel model, string nodeId, string message, System.Globalization.CultureInfo culture) =>
        Texts.Format(nameof(ConversationText.Submit_LineProblem), culture, model.NodesById.GetValueOrDefault(nodeId)?.Title ?? nodeId, message);

    private static string Stale(GoalsModel model, string nodeId, decimal recorded, decimal submitted, System.Globalization.CultureInfo culture)
    {
        var node = model.NodesById[nodeId];
        return Texts.Format(
            nameof(ConversationText.Submit_Stale), culture, node.Title,
            QuantityFormatter.Format(recorded, node, culture), QuantityFormatter.Format(submitted, node, culture));
    }

    private static int IndexOf(GoalsModel model, Kdi kdi)
    {
        for (var i = 0; i < model.Kdis.Count; i++)
        {
            if (model.Kdis[i].Id == kdi.Id)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
