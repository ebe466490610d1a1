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
    PromptLabels Labels) : ChatView(Text);

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
    string Cancel = "Cancel");
