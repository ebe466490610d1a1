using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Rollup;

/// <summary>
/// Windows and working-day counts for one rollup: one <see cref="WorkCalendar"/> per team (so holidays are
/// computed once), team counts cached per window, a person's counts = the team's minus their time off
/// on the team's working days.
/// </summary>
internal sealed class RollupCalendars(GoalsModel model, RollupRequest request)
{
    private static readonly IReadOnlySet<DateOnly> NoDays = new HashSet<DateOnly>();

    private readonly Dictionary<string, WorkCalendar> _calendars = new(StringComparer.Ordinal);
    private readonly Dictionary<(string TeamId, PeriodWindow Window), int> _teamDays = [];

    public DateOnly AsOf => request.AsOf;

    public WorkCalendar For(string? teamId)
    {
        if (teamId is null || !model.TeamsById.TryGetValue(teamId, out var team))
        {
            return WorkCalendar.Weekdays;
        }

        if (!_calendars.TryGetValue(teamId, out var calendar))
        {
            calendar = WorkCalendar.For(team);
            _calendars.Add(teamId, calendar);
        }

        return calendar;
    }

    /// <summary>The team's working days in the window (0 for an empty window).</summary>
    public int TeamDays(string? teamId, PeriodWindow window)
    {
        if (window.End < window.Start)
        {
            return 0;
        }

        var key = (teamId ?? string.Empty, window);
        if (!_teamDays.TryGetValue(key, out var days))
        {
            days = For(teamId).CountWorkingDays(window.Start, window.End);
            _teamDays.Add(key, days);
        }

        return days;
    }

    /// <summary>The person's working days in the window: the team's, less their time off on working days.</summary>
    public int PersonDays(string? teamId, string personId, PeriodWindow window)
    {
        var off = TimeOffOf(personId);
        var days = TeamDays(teamId, window);
        if (off.Count == 0 || days == 0)
        {
            return days;
        }

        var calendar = For(teamId);
        return days - off.Count(d => window.Contains(d) && calendar.IsWorkingDay(d));
    }

    /// <summary>The part of the window up to the as-of date, both included (empty before the window).</summary>
    public PeriodWindow Elapsed(PeriodWindow window) =>
        new(window.Start, AsOf < window.End ? AsOf : window.End);

    /// <summary>Working days a team has in a full week: its working weekdays (5 for Monday to Friday).</summary>
    public int NominalWeekDays(string teamId) =>
        model.TeamsById.TryGetValue(teamId, out var team) ? team.WorkingDays.Count : 5;

    /// <summary>A KPI's goal window: its own Start/End, else its KGI's start to deadline.</summary>
    public PeriodWindow GoalWindow(Kpi kpi)
    {
        var kgi = model.KgiOf(kpi);
        return new PeriodWindow(kpi.Start ?? kgi.Start, kpi.End ?? kgi.Deadline);
    }

    /// <summary>
    /// The window a KPI (and its KDIs) is judged over: the period of its kind (or the request's) that holds
    /// the as-of date — the first or last period when the as-of date lies outside the goal window — clipped
    /// to the goal window.
    /// </summary>
    public PeriodWindow KpiWindow(Kpi kpi)
    {
        var goal = GoalWindow(kpi);
        var day = AsOf < goal.Start ? goal.Start : AsOf > goal.End ? goal.End : AsOf;
        return Clip(Period(kpi, request.Period ?? kpi.Period, day), goal);
    }

    /// <summary>The unclipped period of <paramref name="kind"/> holding <paramref name="day"/>, in the KPI's team's weeks and the fiscal year.</summary>
    public PeriodWindow Period(Kpi kpi, PeriodKind kind, DateOnly day)
    {
        var weekStart = model.TeamsById.TryGetValue(kpi.OwnerTeamId, out var team) ? team.WeekStart : DayOfWeek.Monday;
        return PeriodWindow.Containing(kind, day, GoalWindow(kpi), weekStart, model.Organization.FiscalYearStartMonth);
    }

    /// <summary>The team's week (by its <c>week_start</c>) holding <paramref name="day"/>.</summary>
    public PeriodWindow Week(string teamId, DateOnly day)
    {
        var weekStart = model.TeamsById.TryGetValue(teamId, out var team) ? team.WeekStart : DayOfWeek.Monday;
        return PeriodWindow.Containing(PeriodKind.Week, day, default, weekStart);
    }

    public static PeriodWindow Clip(PeriodWindow window, PeriodWindow bounds) => new(
        window.Start < bounds.Start ? bounds.Start : window.Start,
        window.End > bounds.End ? bounds.End : window.End);

    private IReadOnlySet<DateOnly> TimeOffOf(string personId) =>
        request.TimeOff is { } timeOff && timeOff.TryGetValue(personId, out var days) ? days : NoDays;
}
