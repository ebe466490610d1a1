namespace KpiBot.Core.Goals;

/// <summary>A KpiBot team from the goals file: its calendar, its zone and where its digest goes.</summary>
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
    SourceLocation? Source = null)
{
    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };
}

/// <summary>A channel named in the goals file for a team's digest (a pending link until made in the channel).</summary>
public sealed record ChannelLink(string Platform, string Channel);
