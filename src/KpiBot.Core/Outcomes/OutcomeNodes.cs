using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Outcomes;

/// <summary>What the goals say about a node whose actual is reported: its reporting, window, owner team and periods.</summary>
public static class OutcomeNodes
{
    /// <summary>The reporting of a KGI or KPI; null for nodes that take no reported actual.</summary>
    public static OutcomeReporting? ReportingOf(GoalNode node) => node switch
    {
        Kgi kgi => kgi.Reporting,
        Kpi kpi => kpi.Reporting,
        _ => null,
    };

    /// <summary>Every KGI and KPI that takes a reported actual, in tree order.</summary>
    public static IEnumerable<GoalNode> All(GoalsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Kgis.Where(k => k.Reporting is not null).Cast<GoalNode>()
            .Concat(model.Kpis.Where(k => k.Reporting is not null));
    }

    /// <summary>The team a KGI or KPI belongs to (a KGI without an owner: the team of its first KPI, else none).</summary>
    public static string? OwnerTeamOf(GoalsModel model, GoalNode node)
    {
        ArgumentNullException.ThrowIfNull(model);
        return node switch
        {
            Kpi kpi => kpi.OwnerTeamId,
            Kgi kgi => kgi.OwnerTeamId ?? kgi.Contributions
                .Select(c => model.NodesById.GetValueOrDefault(c.KpiId) as Kpi).FirstOrDefault(k => k is not null)?.OwnerTeamId,
            _ => null,
        };
    }

    /// <summary>The days a reported value may be given for: a KPI's start..end (else its KGI's), a KGI's start..deadline.</summary>
    public static PeriodWindow GoalWindowOf(GoalsModel model, GoalNode node)
    {
        ArgumentNullException.ThrowIfNull(model);
        return node switch
        {
            Kpi kpi => model.ActiveWindowOf(kpi),
            Kgi kgi => new PeriodWindow(kgi.Start, kgi.Deadline),
            _ => throw new ArgumentException($"'{node.Id}' takes no reported actual.", nameof(node)),
        };
    }

    /// <summary>
    /// The reporting period holding <paramref name="day"/>, clipped to the goal window, so a month that starts before
    /// the goal keys its value on the goal's first day (and is counted in the goal's window).
    /// </summary>
    public static PeriodWindow PeriodOf(GoalsModel model, GoalNode node, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reporting = ReportingOf(node) ?? throw new ArgumentException($"'{node.Id}' takes no reported actual.", nameof(node));
        var goal = GoalWindowOf(model, node);
        var weekStart = OwnerTeamOf(model, node) is { } teamId && model.TeamsById.TryGetValue(teamId, out var team)
            ? team.WeekStart
            : DayOfWeek.Monday;
        var period = PeriodWindow.Containing(reporting.Every, day, goal, weekStart, model.Organization.FiscalYearStartMonth);
        return new PeriodWindow(
            period.Start < goal.Start ? goal.Start : period.Start,
            period.End > goal.End ? goal.End : period.End);
    }

    /// <summary>The person named by <c>reported_by: owner EMAIL</c>, when the file has them.</summary>
    public static Person? OwnerOf(GoalsModel model, OutcomeReporting reporting)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reporting);
        return reporting.OwnerEmail is { } email
            ? model.People.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    /// <summary>The unit of a KGI or KPI.</summary>
    public static string UnitOf(GoalNode node) => node switch
    {
        Kgi kgi => kgi.Unit,
        Kpi kpi => kpi.Unit,
        Kdi kdi => kdi.Unit,
        _ => string.Empty,
    };

    /// <summary>The target of a KGI or KPI (per period for a KPI).</summary>
    public static decimal TargetOf(GoalNode node) => node switch
    {
        Kgi kgi => kgi.Target,
        Kpi kpi => kpi.Target,
        Kdi kdi => kdi.Target,
        _ => 0m,
    };
}
