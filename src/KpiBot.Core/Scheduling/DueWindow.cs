using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Scheduling;

/// <summary>
/// Collects the occurrences due in (from, to] team by team. Local times are computed once per zone group
/// and day (or week); people are visited only when their group's time falls in the window, so a one-minute
/// window costs a few date conversions per group, not a pass over everyone.
/// </summary>
internal sealed class DueWindow(
    GoalsModel model,
    DateTimeOffset fromUtc,
    DateTimeOffset toUtc,
    IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>? timeOff)
{
    private ILookup<(string TeamId, string ZoneId), Person>? _peopleWithTimeOff;

    public void AddDue(TeamPlan team, List<Occurrence> due)
    {
        var reminder = team.Schedule.ReminderAfter;
        var earliest = fromUtc - (reminder ?? TimeSpan.Zero);
        foreach (var group in team.Groups)
        {
            // One day of margin each side: a local time on day d is due within a day of d's midnight.
            var first = LocalTimes.DateOf(earliest, group.Zone).AddDays(-1);
            var last = LocalTimes.DateOf(toUtc, group.Zone).AddDays(1);
            if (team.HasDaily)
            {
                AddDaily(team, group, first, last, reminder, due);
            }

            if (team.HasWeekly)
            {
                AddWeekly(team, group, first, last, reminder, due);
            }
        }

        AddDigests(team, due);
    }

    /// <summary>
    /// The outcome asks of one group of reporters: per day of the window, the outcomes due that day decide whether
    /// and when the group is asked; its people are visited only then.
    /// </summary>
    public void AddOutcomeAsks(OutcomeGroup group, List<Occurrence> due)
    {
        var team = group.Team;
        var reminder = team.Schedule.ReminderAfter;
        var zone = group.People.Zone;
        var first = LocalTimes.DateOf(fromUtc - (reminder ?? TimeSpan.Zero), zone).AddDays(-1);
        var last = LocalTimes.DateOf(toUtc, zone).AddDays(1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var asks = OutcomeAsks.Due(model, team, group.Nodes, day);
            if (asks.Count == 0)
            {
                continue;
            }

            var at = LocalTimes.ToUtc(day, OutcomeAsks.TimeOf(team, asks), zone);
            if (!Touches(at, reminder))
            {
                continue;
            }

            foreach (var person in group.People.People)
            {
                Add(OccurrenceKind.OutcomePrompt, OccurrenceKind.OutcomeReminder, person, day, at, reminder, due);
            }
        }
    }

    private void AddDaily(TeamPlan team, ZoneGroup group, DateOnly first, DateOnly last, TimeSpan? reminder, List<Occurrence> due)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var at = LocalTimes.ToUtc(day, team.Schedule.DailyAt, group.Zone);
            if (!Touches(at, reminder) || !team.Calendar.IsWorkingDay(day) || !team.AsksDailyOn(day))
            {
                continue;
            }

            foreach (var person in group.People)
            {
                if (!IsOff(person, day))
                {
                    Add(OccurrenceKind.DailyPrompt, OccurrenceKind.DailyReminder, person, day, at, reminder, due);
                }
            }
        }
    }

    private void AddWeekly(TeamPlan team, ZoneGroup group, DateOnly first, DateOnly last, TimeSpan? reminder, List<Occurrence> due)
    {
        for (var week = team.WeekStartOf(first); week <= last; week = week.AddDays(7))
        {
            // Time off can move a person's prompt anywhere in the week; skip weeks that cannot touch the window.
            var weekFirst = LocalTimes.ToUtc(week, team.Schedule.WeeklyAt, group.Zone);
            var weekLast = LocalTimes.ToUtc(week.AddDays(6), team.Schedule.WeeklyAt, group.Zone);
            if (weekLast + (reminder ?? TimeSpan.Zero) <= fromUtc || weekFirst > toUtc || !team.AsksWeeklyIn(week))
            {
                continue;
            }

            var teamDay = team.WeeklyPromptDay(week);
            var teamAt = teamDay is { } d ? LocalTimes.ToUtc(d, team.Schedule.WeeklyAt, group.Zone) : (DateTimeOffset?)null;
            var teamTouches = teamAt is { } t && Touches(t, reminder);

            // Everyone when the team's time touches the window; otherwise only those whose time off may move theirs.
            var people = teamTouches ? group.People : PeopleWithTimeOff(team, group);
            foreach (var person in people)
            {
                if (timeOff is not null && timeOff.TryGetValue(person.Id, out var off) && HasOffIn(off, week))
                {
                    if (team.WeeklyPromptDay(week, off.Contains) is { } own)
                    {
                        var ownAt = LocalTimes.ToUtc(own, team.Schedule.WeeklyAt, group.Zone);
                        Add(OccurrenceKind.WeeklyPrompt, OccurrenceKind.WeeklyReminder, person, week, ownAt, reminder, due);
                    }
                }
                else if (teamAt is { } at)
                {
                    Add(OccurrenceKind.WeeklyPrompt, OccurrenceKind.WeeklyReminder, person, week, at, reminder, due);
                }
            }
        }
    }

    /// <summary>The prompted people of a group who have any time off; indexed once per call from the time-off map.</summary>
    private IEnumerable<Person> PeopleWithTimeOff(TeamPlan team, ZoneGroup group)
    {
        if (timeOff is null || timeOff.Count == 0)
        {
            return [];
        }

        _peopleWithTimeOff ??= timeOff.Keys
            .Select(id => model.PeopleById.GetValueOrDefault(id))
            .OfType<Person>()
            .Where(TeamPlan.IsPrompted)
            .ToLookup(p => (p.TeamId, Zones.ZoneOf(p, model)));
        return _peopleWithTimeOff[(team.Team.Id, group.ZoneId)];
    }

    private void AddDigests(TeamPlan team, List<Occurrence> due)
    {
        var first = LocalTimes.DateOf(fromUtc, team.Zone).AddDays(-1);
        var last = LocalTimes.DateOf(toUtc, team.Zone).AddDays(1);
        var day = first.AddDays(((int)team.Schedule.DigestDay - (int)first.DayOfWeek + 7) % 7);
        for (; day <= last; day = day.AddDays(7))
        {
            var at = LocalTimes.ToUtc(day, team.Schedule.DigestAt, team.Zone);
            if (In(at))
            {
                // The digest reports the last full week before it: the week before the one it falls in.
                due.Add(new Occurrence(OccurrenceKind.Digest, team.Team.Id, team.WeekStartOf(day).AddDays(-7), at));
            }
        }
    }

    private void Add(OccurrenceKind promptKind, OccurrenceKind reminderKind, Person person, DateOnly workDay, DateTimeOffset at, TimeSpan? reminder, List<Occurrence> due)
    {
        if (In(at))
        {
            due.Add(new Occurrence(promptKind, person.Id, workDay, at));
        }

        if (reminder is { } after && In(at + after))
        {
            due.Add(new Occurrence(reminderKind, person.Id, workDay, at + after));
        }
    }

    private bool Touches(DateTimeOffset promptAt, TimeSpan? reminder) =>
        In(promptAt) || (reminder is { } after && In(promptAt + after));

    private bool In(DateTimeOffset at) => at > fromUtc && at <= toUtc;

    private bool IsOff(Person person, DateOnly day) =>
        timeOff is not null && timeOff.TryGetValue(person.Id, out var off) && off.Contains(day);

    private static bool HasOffIn(IReadOnlySet<DateOnly> off, DateOnly weekStart)
    {
        for (var day = weekStart; day < weekStart.AddDays(7); day = day.AddDays(1))
        {
            if (off.Contains(day))
            {
                return true;
            }
        }

        return false;
    }
}
