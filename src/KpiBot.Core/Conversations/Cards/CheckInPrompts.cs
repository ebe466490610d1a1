using System.Globalization;
using System.Text;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// Builds a person's check-in card for one work day (or, for weekly KDIs, one week): one line per KDI of
/// their team with that cadence that runs that day, each with the person's target and the value already
/// recorded, the card version (the highest revision among those values) that guards against stale cards, and
/// until when it may be answered (<see cref="ResponseWindow"/>).
/// Used by the scheduled prompt, by reminders and by <c>checkin</c> / <c>edit</c>.
/// </summary>
public sealed class CheckInPrompts(ICheckInRepository checkIns)
{
    private readonly ICheckInRepository _checkIns = checkIns ?? throw new ArgumentNullException(nameof(checkIns));

    /// <returns>The card, or null when the person has no KDI of <paramref name="cadence"/> running that day.</returns>
    public async Task<CheckInPromptView?> BuildAsync(
        GoalsModel model, Person person, DateOnly workDay, KdiCadence cadence, string occurrenceKey, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentException.ThrowIfNullOrWhiteSpace(occurrenceKey);
        ArgumentNullException.ThrowIfNull(culture);
        var day = CardKdis.CardDay(model, person, cadence, workDay);
        if (CardKdis.Of(model, person, cadence, day).Count == 0)
        {
            return null;
        }

        var recorded = await _checkIns.GetDayAsync(person.Id, day, ct).ConfigureAwait(false);
        return Build(model, person, workDay, cadence, occurrenceKey, culture, recorded);
    }

    /// <summary>
    /// The card from the values already read: <paramref name="recorded"/> holds what the person recorded on the
    /// card's day (<see cref="CardKdis.CardDay"/>; other days' entries are ignored). Null as for <see cref="BuildAsync"/>.
    /// </summary>
    public static CheckInPromptView? Build(
        GoalsModel model, Person person, DateOnly workDay, KdiCadence cadence, string occurrenceKey, CultureInfo culture, IEnumerable<CheckInEntry> recorded)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentException.ThrowIfNullOrWhiteSpace(occurrenceKey);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(recorded);
        var day = CardKdis.CardDay(model, person, cadence, workDay);
        var kdis = CardKdis.Of(model, person, cadence, day);
        if (kdis.Count == 0)
        {
            return null;
        }

        var entries = recorded
            .Where(e => e.Day == day && e.PersonId == person.Id && kdis.Any(k => k.Id == e.NodeId))
            .ToDictionary(e => e.NodeId, StringComparer.Ordinal);
        var lines = kdis.Select(k => Line(model, k, entries.GetValueOrDefault(k.Id), culture)).ToList();
        var version = entries.Count == 0 ? 0 : entries.Values.Max(e => e.Revision);
        var title = Title(cadence, day, culture);
        var labels = new PromptLabels(
            Texts.Get(nameof(ConversationText.Card_NotePlaceholder), culture),
            Texts.Get(nameof(ConversationText.Card_BlockerLabel), culture),
            Texts.Get(nameof(ConversationText.Card_Submit), culture),
            Texts.Get(nameof(ConversationText.Card_Skip), culture),
            Texts.Get(nameof(ConversationText.Card_Same), culture),
            Texts.Get(nameof(ConversationText.Card_NumberError), culture),
            Texts.Get(nameof(ConversationText.Card_Open), culture),
            Texts.Get(nameof(ConversationText.Card_NoteLabel), culture),
            Texts.Get(nameof(ConversationText.Card_BlockerMark), culture),
            Texts.Get(nameof(ConversationText.Card_Cancel), culture))
        {
            Later = Texts.Get(nameof(ConversationText.Card_Later), culture),
            LaterChoices =
            [
                ("30m", Texts.Get(nameof(ConversationText.Card_LaterIn30), culture)),
                ("1h", Texts.Get(nameof(ConversationText.Card_LaterIn1h), culture)),
                ("2h", Texts.Get(nameof(ConversationText.Card_LaterIn2h), culture)),
            ],
            LaterAt = Texts.Get(nameof(ConversationText.Card_LaterAt), culture),
            LaterTyped = Texts.Get(nameof(ConversationText.Card_LaterTyped), culture),
        };
        var openUntil = Texts.Format(nameof(ConversationText.Card_OpenUntil), culture, ResponseWindow.LastOpenDay(model, person, cadence, day));
        return new CheckInPromptView(PlainText(title, lines, culture) + "\n" + openUntil, title, person.Id, day, cadence, occurrenceKey, version, lines, labels)
        {
            OpenUntilText = openUntil,
        };
    }

    /// <summary>The card's title: "Check-in for Fri, Nov 27" / "Check-in for the week of Mon, Nov 23".</summary>
    public static string Title(KdiCadence cadence, DateOnly day, CultureInfo culture) => Texts.Format(
        cadence == KdiCadence.Daily ? nameof(ConversationText.Card_TitleDaily) : nameof(ConversationText.Card_TitleWeekly), culture, day);

    private static PromptLine Line(GoalsModel model, Kdi kdi, CheckInEntry? current, CultureInfo culture)
    {
        var target = CardKdis.PersonTarget(model, kdi);
        var targetText = QuantityFormatter.Format(target, kdi, culture);
        var label = Texts.Format(nameof(ConversationText.Card_LineLabel), culture, kdi.Title, targetText);
        return new PromptLine(kdi.Id, kdi.Title, Units.Name(kdi, culture), target, label, targetText, current?.Value)
        {
            CurrentText = current is null ? null : QuantityFormatter.Format(current.Value, kdi, culture),
        };
    }

    private static string PlainText(string title, IReadOnlyList<PromptLine> lines, CultureInfo culture)
    {
        var text = new StringBuilder(title);
        foreach (var line in lines)
        {
            text.Append('\n').Append("• ").Append(line.Label);
            if (line.CurrentText is { } current)
            {
                text.Append(Texts.Format(nameof(ConversationText.Card_LineCurrent), culture, current));
            }
        }

        return text.Append('\n').Append(Texts.Get(nameof(ConversationText.Card_Footer), culture)).ToString();
    }
}
