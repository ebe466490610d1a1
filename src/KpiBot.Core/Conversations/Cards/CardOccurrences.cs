using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// Occurrence keys of check-in cards. A card opened by <c>checkin</c> carries the same key as the
/// scheduled prompt for that day ("DailyPrompt:tanaka:2026-11-27"), so both are one card.
/// </summary>
public static class CardOccurrences
{
    public static string KeyFor(string personId, KdiCadence cadence, DateOnly cardDay) =>
        new Occurrence(cadence == KdiCadence.Daily ? OccurrenceKind.DailyPrompt : OccurrenceKind.WeeklyPrompt, personId, cardDay, default).Key;

    /// <summary>The recipient named in a key ("Kind:recipient:yyyy-MM-dd"), or null when the key is not of that shape.</summary>
    public static string? RecipientOf(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var first = key.IndexOf(':', StringComparison.Ordinal);
        var last = key.LastIndexOf(':');
        return first > 0 && last > first + 1 ? key[(first + 1)..last] : null;
    }

    /// <summary>Whether a key is a weekly prompt's or reminder's.</summary>
    public static bool IsWeekly(string? key) =>
        key is not null
        && (key.StartsWith(nameof(OccurrenceKind.WeeklyPrompt) + ":", StringComparison.Ordinal)
            || key.StartsWith(nameof(OccurrenceKind.WeeklyReminder) + ":", StringComparison.Ordinal));
}
