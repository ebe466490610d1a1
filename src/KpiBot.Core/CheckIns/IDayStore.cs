namespace KpiBot.Core.CheckIns;

/// <summary>The state of one person's work day, as participation counts it.</summary>
public enum DayState
{
    /// <summary>Nothing recorded, not skipped, not off: asked and unanswered on a working day.</summary>
    None,
    Answered,
    Skipped,
    Off,
}

/// <summary>One person's state on one day.</summary>
public sealed record PersonDay(string PersonId, DateOnly Day, DayState State);

/// <summary>Skips, time off, and the derived state of days (answered = a value of a daily KDI — or a KPI reported per day — recorded for that day; a weekly value, kept on the week's first day, does not answer that day).</summary>
public interface IDayStore
{
    /// <summary>Marks a day skipped with a reason (no numbers that day; it still counts as asked).</summary>
    Task SkipAsync(string personId, DateOnly day, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records time off, both ends included. Overlapping ranges merge; nothing else changes.</summary>
    Task AddTimeOffAsync(string personId, DateOnly first, DateOnly last, string? reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Each person's state on <paramref name="day"/> (people with no row are <see cref="DayState.None"/>).</summary>
    Task<IReadOnlyDictionary<string, DayState>> StatesAsync(IReadOnlyCollection<string> personIds, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Every non-None day of these people in the window, for participation and streaks (answered, skipped, off).</summary>
    Task<IReadOnlyList<PersonDay>> HistoryAsync(IReadOnlyCollection<string> personIds, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Days off of these people in the window.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>> TimeOffAsync(IReadOnlyCollection<string> personIds, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
