using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;
using KpiBot.Core.Outcomes;

namespace KpiBot.Core.Scheduling;

/// <summary>One reported outcome due to be asked for, and the reporting period it is asked for.</summary>
public sealed record OutcomeAsk(GoalNode Node, PeriodWindow Period);

/// <summary>
/// Who is asked for a reported outcome (<c>reported_by</c>) and on which day: the schedule of KDI prompts applied
/// to outcomes. The reporters are the owner team's leads (<c>lead</c>), the named person (<c>owner EMAIL</c>) or
/// the owner team's reps, each for themselves (<c>person</c>); nodes pushed by the API are never asked for. Each
/// reporting period is asked for once, on its day in the reporter's team calendar: every working day for
/// <c>report_every: day</c>; the team's weekly prompt day (or the working day before it in the week) for
/// <c>week</c>; the last working day of the month or quarter — each clipped to the goal's window. The time is the
/// reporter's <c>checkin.daily_at</c> for daily outcomes, else <c>checkin.weekly.at</c>, in the reporter's zone.
/// One ask per person and day covers every outcome due that day (key <c>OutcomePrompt:person:day</c>).
/// Rules and examples: docs/goals.md, "Being asked".
/// </summary>
public static class OutcomeAsks
{
    /// <summary>The outcomes <paramref name="person"/> is asked for on their work day <paramref name="day"/>, in tree order; empty when none.</summary>
    public static IReadOnlyList<OutcomeAsk> DueOn(GoalsModel model, Person person, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        var plan = SchedulePlan.For(model);
        return plan.Outcomes.AskedOf.TryGetValue(person.Id, out var nodes) && plan.TeamsById.TryGetValue(person.TeamId, out var team)
            ? Due(model, team, nodes, day)
            : [];
    }

    /// <summary>The local time of an ask with these outcomes: <c>daily_at</c> when one is reported daily, else <c>weekly.at</c>.</summary>
    internal static TimeOnly TimeOf(TeamPlan team, IReadOnlyList<OutcomeAsk> due) =>
        due.Any(a => OutcomeNodes.ReportingOf(a.Node)!.Every == PeriodKind.Day) ? team.Schedule.DailyAt : team.Schedule.WeeklyAt;

    internal static IReadOnlyList<OutcomeAsk> Due(GoalsModel model, TeamPlan team, IReadOnlyList<GoalNode> nodes, DateOnly day)
    {
        List<OutcomeAsk>? due = null;
        foreach (var node in nodes)
        {
            if (!OutcomeNodes.GoalWindowOf(model, node).Contains(day))
            {
                continue;
            }

            var period = OutcomeNodes.PeriodOf(model, node, day);
            if (AskDay(team, OutcomeNodes.ReportingOf(node)!.Every, period) == day)
            {
                (due ??= []).Add(new OutcomeAsk(node, period));
            }
        }

        return due ?? (IReadOnlyList<OutcomeAsk>)[];
    }

    /// <summary>
    /// The day of <paramref name="period"/> on which it is asked for: the day itself (a working day) for daily
    /// outcomes; for weekly ones the team's weekly day, for longer ones the period's last day — moved back to the
    /// last working day before it in the period, else forward to the first after it; null when the period has none.
    /// </summary>
    internal static DateOnly? AskDay(TeamPlan team, PeriodKind every, PeriodWindow period)
    {
        if (every == PeriodKind.Day)
        {
            return team.Calendar.IsWorkingDay(period.Start) ? period.Start : null;
        }

        var target = period.End;
        if (every == PeriodKind.Week)
        {
            var weekly = period.Start.AddDays(((int)team.Schedule.WeeklyDay - (int)period.Start.DayOfWeek + 7) % 7);
            target = weekly <= period.End ? weekly : period.End;
        }

        for (var day = target; day >= period.Start; day = day.AddDays(-1))
        {
            if (team.Calendar.IsWorkingDay(day))
            {
                return day;
            }
        }

        for (var day = target.AddDays(1); day <= period.End; day = day.AddDays(1))
        {
            if (team.Calendar.IsWorkingDay(day))
            {
                return day;
            }
        }

        return null;
    }
}

/// <summary>
/// The reporters of a goals model, computed once per model: the outcomes each person is asked for, and the
/// reporters grouped by team, zone and outcomes, so a window visits people only when their group's ask falls in it.
/// </summary>
internal sealed class OutcomePlan
{
    public OutcomePlan(GoalsModel model, IReadOnlyDictionary<string, TeamPlan> teams)
    {
        var asked = new Dictionary<string, List<GoalNode>>(StringComparer.Ordinal);
        foreach (var node in OutcomeNodes.All(model))
        {
            foreach (var person in Reporters(model, node))
            {
                if (!asked.TryGetValue(person.Id, out var nodes))
                {
                    asked[person.Id] = nodes = [];
                }

                nodes.Add(node);
            }
        }

        AskedOf = asked.ToDictionary(p => p.Key, p => (IReadOnlyList<GoalNode>)p.Value, StringComparer.Ordinal);
        Groups = asked
            .Select(p => (Person: model.PeopleById[p.Key], Nodes: p.Value))
            .Where(p => teams.ContainsKey(p.Person.TeamId))
            .GroupBy(p => (p.Person.TeamId, Zone: Zones.ZoneOf(p.Person, model), Nodes: string.Join('\n', p.Nodes.Select(n => n.Id))))
            .Select(g => new OutcomeGroup(
                teams[g.Key.TeamId],
                new ZoneGroup(g.Key.Zone, Zones.Find(g.Key.Zone), [.. g.Select(p => p.Person)]),
                g.First().Nodes))
            .ToList();
    }

    public IReadOnlyDictionary<string, IReadOnlyList<GoalNode>> AskedOf { get; }

    public IReadOnlyList<OutcomeGroup> Groups { get; }

    /// <summary>Who is asked for the node: its leads, its named owner, or each rep of its team; nobody for the API.</summary>
    private static IEnumerable<Person> Reporters(GoalsModel model, GoalNode node)
    {
        var reporting = OutcomeNodes.ReportingOf(node)!;
        var team = OutcomeNodes.OwnerTeamOf(model, node);
        return reporting.By switch
        {
            ReporterKind.Lead when team is not null => model.MembersOf(team).Where(p => p.Role == Role.Lead),
            ReporterKind.Owner => OutcomeNodes.OwnerOf(model, reporting) is { } owner ? [owner] : [],
            ReporterKind.Person when team is not null => model.MembersOf(team).Where(p => p.Role == Role.Rep),
            _ => [],
        };
    }
}

/// <summary>Reporters of one team and zone who are asked for the same outcomes.</summary>
internal sealed record OutcomeGroup(TeamPlan Team, ZoneGroup People, IReadOnlyList<GoalNode> Nodes);
