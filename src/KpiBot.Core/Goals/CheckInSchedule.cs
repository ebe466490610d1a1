namespace KpiBot.Core.Goals;

/// <summary>
/// When a team's people are asked and its digest goes out (the goals file's <c>checkin:</c> and
/// <c>digest:</c> keys of a team). Times are local: prompts in each person's own zone, the digest in the
/// team's. <see cref="ReminderAfter"/> null means no reminder. <see cref="CatchUp"/> is how far back a
/// dispatcher that was down still sends what it missed; older occurrences are stale.
/// <see cref="ResponseWindow"/> is how many working days after a card's day (a weekly card's: its week's last
/// day) a person may still answer or change it in chat; older days are closed (admins backfill with the
/// command line).
/// </summary>
public sealed record CheckInSchedule(
    TimeOnly DailyAt,
    DayOfWeek WeeklyDay,
    TimeOnly WeeklyAt,
    TimeSpan? ReminderAfter,
    TimeSpan CatchUp,
    DayOfWeek DigestDay,
    TimeOnly DigestAt,
    DigestNames DigestNames,
    int ResponseWindow = CheckInSchedule.DefaultResponseWindow)
{
    /// <summary>The goals file's default for <c>checkin.response_window</c>: three working days.</summary>
    public const int DefaultResponseWindow = 3;

    /// <summary>Daily at 17:30, weekly on Friday at 16:00, a reminder after 2 h, catch-up 4 h, digest Monday 09:00 naming blockers.</summary>
    public static CheckInSchedule Default { get; } = new(
        new TimeOnly(17, 30),
        DayOfWeek.Friday,
        new TimeOnly(16, 0),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(4),
        DayOfWeek.Monday,
        new TimeOnly(9, 0),
        DigestNames.Blockers);
}

/// <summary>Whom a team's weekly digest names: nobody, only people with open blockers, or everyone.</summary>
public enum DigestNames { None, Blockers, All }
