using System.Text.Json.Serialization;

namespace KpiBot.Core.Goals;

/// <summary>
/// A KpiBot team from the goals file: its calendar, its zone, where its digest goes and when its people are
/// asked (<see cref="Schedule"/>; null when the file does not say, see <see cref="ScheduleOrDefault"/>).
/// </summary>
public sealed record Team(
    string Id,
    string Name,
    string TimeZone,
    IReadOnlySet<DayOfWeek> WorkingDays,
    string? HolidayCountry,
    IReadOnlySet<DateOnly> ExtraHolidays,
    IReadOnlySet<DateOnly> ExtraWorkingDays,
    IReadOnlyList<ChannelLink> Channels,
    DayOfWeek WeekStart = DayOfWeek.Monday,
    string? Locale = null,
    SourceLocation? Source = null,
    CheckInSchedule? Schedule = null)
{
    /// <summary>The team's schedule, or <see cref="CheckInSchedule.Default"/> when the file sets none (derived, so not stored).</summary>
    [JsonIgnore]
    public CheckInSchedule ScheduleOrDefault => Schedule ?? CheckInSchedule.Default;

    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };
}

/// <summary>A channel named in the goals file for a team's digest (a pending link until made in the channel).</summary>
public sealed record ChannelLink(string Platform, string Channel);
