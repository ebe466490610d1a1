using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Scheduling;

/// <summary>
/// What the planner needs of one team, computed once per goals model: its schedule, calendar and zone,
/// whether it has daily and weekly KDIs, and its reps grouped by their zone.
/// </summary>
internal sealed class TeamPlan
{
    public TeamPlan(Team team, GoalsModel model)
    {
        Team = team;
        Schedule = team.ScheduleOrDefault;
        Calendar = WorkCalendar.For(team);
        Zone = Zones.Find(team.TimeZone);
        var kdis = model.Kdis.Where(k => k.TeamId == team.Id).ToList();
        _dailyWindows = [.. kdis.Where(k => k.Cadence == KdiCadence.Daily).Select(model.ActiveWindowOf).Distinct()];
        _weeklyWindows = [.. kdis.Where(k => k.Cadence == KdiCadence.Weekly).Select(model.ActiveWindowOf).Distinct()];
        HasDaily = _dailyWindows.Count > 0;
        HasWeekly = _weeklyWindows.Count > 0;
        Groups = model.MembersOf(team.Id)
            .Where(IsPrompted)
            .GroupBy(p => Zones.ZoneOf(p, model), StringComparer.Ordinal)
            .Select(g => new ZoneGroup(g.Key, Zones.Find(g.Key), g.ToList()))
            .ToList();
    }

    private readonly List<PeriodWindow> _dailyWindows;
    private readonly List<PeriodWindow> _weeklyWindows;

    public Team Team { get; }
    public CheckInSchedule Schedule { get; }
    public WorkCalendar Calendar { get; }
    public TimeZoneInfo Zone { get; }
    public bool HasDaily { get; }
    public bool HasWeekly { get; }
    public IReadOnlyList<ZoneGroup> Groups { get; }

    /// <summary>KDIs apply to reps (as in the rollup), so only reps are prompted.</summary>
    public static bool IsPrompted(Person person) => person.Role == Role.Rep;

    public bool Prompts(Person person, KdiCadence cadence) =>
        IsPrompted(person) && (cadence == KdiCadence.Daily ? HasDaily : HasWeekly);

    /// <summary>Whether a daily KDI of the team runs on <paramref name="day"/>: before a goal starts or after it ends there is no card to send.</summary>
    public bool AsksDailyOn(DateOnly day) => _dailyWindows.Exists(w => w.Contains(day));

    /// <summary>Whether a weekly KDI of the team runs in the week starting <paramref name="weekStart"/>.</summary>
    public bool AsksWeeklyIn(DateOnly weekStart) => _weeklyWindows.Exists(w => w.Start <= weekStart.AddDays(6) && weekStart <= w.End);

    /// <summary>The first day of the team's week that holds <paramref name="day"/>: the weekly period key.</summary>
    public DateOnly WeekStartOf(DateOnly day) =>
        PeriodWindow.Containing(PeriodKind.Week, day, default, Team.WeekStart).Start;

    /// <summary>
    /// The day of the week starting <paramref name="weekStart"/> on which the weekly prompt goes out: the
    /// weekly day, or the last working day before it in that week, or else the first working day after it
    /// in that week; null when the week has no working day. <paramref name="isOff"/> adds days off.
    /// </summary>
    public DateOnly? WeeklyPromptDay(DateOnly weekStart, Func<DateOnly, bool>? isOff = null)
    {
        bool Works(DateOnly day) => Calendar.IsWorkingDay(day) && (isOff is null || !isOff(day));
        var target = weekStart.AddDays(((int)Schedule.WeeklyDay - (int)weekStart.DayOfWeek + 7) % 7);
        for (var day = target; day >= weekStart; day = day.AddDays(-1))
        {
            if (Works(day))
            {
                return day;
            }
        }

        for (var day = target.AddDays(1); day <= weekStart.AddDays(6); day = day.AddDays(1))
        {
            if (Works(day))
            {
                return day;
            }
        }

        return null;
    }
}
