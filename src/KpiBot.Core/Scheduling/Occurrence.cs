namespace KpiBot.Core.Scheduling;

public enum OccurrenceKind
{
    DailyPrompt,
    WeeklyPrompt,
    DailyReminder,
    WeeklyReminder,
    Digest,

    /// <summary>A person raised a blocker: their team's leads (or, without one, the admins) are told. The recipient is the person who raised it; the work day is the blocker's.</summary>
    BlockerNotice,

    /// <summary>A rep asked to be prompted again later ("later 1h"): the daily card of <c>WorkDay</c>, once, at <c>DueAtUtc</c>.</summary>
    DailySnooze,

    /// <summary>As <see cref="DailySnooze"/>, for the weekly card of the week starting <c>WorkDay</c>.</summary>
    WeeklySnooze,

    /// <summary>A reporter is asked for the outcomes due on <c>WorkDay</c> (<see cref="OutcomeAsks"/>): one message for all of them.</summary>
    OutcomePrompt,

    /// <summary>The ask again, <c>reminder_after</c> later, when one of its outcomes is still unreported.</summary>
    OutcomeReminder,
}

/// <summary>
/// One thing to send: a kind, a recipient (person id, or team id for a digest; for a notice, the person it is about), the work day it is
/// for (the week's first day for weekly kinds and digests) and when it is due. <see cref="Key"/> is the
/// idempotency key: each key is sent at most once, by whichever host claims it first.
/// </summary>
public sealed record Occurrence(OccurrenceKind Kind, string RecipientId, DateOnly WorkDay, DateTimeOffset DueAtUtc)
{
    public string Key => $"{Kind}:{RecipientId}:{WorkDay:yyyy-MM-dd}";
}
