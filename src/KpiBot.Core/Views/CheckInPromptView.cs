using KpiBot.Core.Goals;

namespace KpiBot.Core.Views;

/// <summary>
/// The check-in card: one input per KDI with today's target, a note, a blocker flag, and Submit / Skip /
/// Same-as-last-time. <see cref="OccurrenceKey"/>, <see cref="WorkDay"/> and <see cref="CardVersion"/> travel
/// with the submission so a late answer counts for the day it was asked for and an old card cannot
/// silently overwrite a newer answer.
/// </summary>
public sealed record CheckInPromptView(
    string Text,
    string Title,
    string PersonId,
    DateOnly WorkDay,
    KdiCadence Cadence,
    string OccurrenceKey,
    int CardVersion,
    IReadOnlyList<PromptLine> Lines,
    PromptLabels Labels) : ChatView(Text)
{
    /// <summary>
    /// Until when the card may be answered or changed ("You can answer or change this until Wed 2 Dec."), from the
    /// team's response window; null when not said.
    /// </summary>
    public string? OpenUntilText { get; init; }

    /// <summary>Why the last answer on this card was refused, shown on the card given back in its place; null on a fresh card.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The card given back after a refused answer: the error on it, and each number the person typed that can
    /// be read kept in its field so only the wrong one needs changing.
    /// </summary>
    public CheckInPromptView Refused(string error, IReadOnlyDictionary<string, string?> typed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        ArgumentNullException.ThrowIfNull(typed);
        return this with
        {
            Error = error,
            Lines = [.. Lines.Select(l => typed.TryGetValue(l.KdiId, out var raw) && Conversations.Cards.ValueParser.TryParse(raw ?? string.Empty, out var value)
                ? l with { CurrentValue = value }
                : l)],
        };
    }
}

/// <summary>
/// One KDI on the card. <see cref="Unit"/> is the unit's name in the reader's language. <see cref="CurrentValue"/>
/// is what is already recorded for the day, if anything (<see cref="CurrentText"/>: the same with its unit).
/// </summary>
public sealed record PromptLine(string KdiId, string Title, string Unit, decimal Target, string Label, string TargetText, decimal? CurrentValue)
{
    public string? CurrentText { get; init; }
}

/// <summary>
/// The card's localized labels. <see cref="Open"/> is the button that opens the card where it is a form of
/// its own (a Slack modal); <see cref="Note"/>, <see cref="Blocker"/> and <see cref="Cancel"/> label that form.
/// <see cref="Later"/> labels the snooze choice (<see cref="LaterChoices"/>: the values "30m", "1h", "2h" with their
/// labels, and <see cref="LaterAt"/> for a time of the day).
/// </summary>
public sealed record PromptLabels(
    string NotePlaceholder,
    string BlockerLabel,
    string Submit,
    string Skip,
    string Same,
    string NumberError,
    string Open = "Check in",
    string Note = "Note",
    string Blocker = "Blocker",
    string Cancel = "Cancel")
{
    public string Later { get; init; } = "Later";

    public IReadOnlyList<(string Value, string Label)> LaterChoices { get; init; } = [("30m", "In 30 min"), ("1h", "In 1 hour"), ("2h", "In 2 hours")];

    public string LaterAt { get; init; } = "Or at a time today";

    /// <summary>Where a card offers only the waits (Teams), how to ask for a time instead.</summary>
    public string LaterTyped { get; init; } = "For a time today, type: later 17:30";
}
