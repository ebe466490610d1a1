using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Reporting;

/// <summary>One day of a node's history: its cumulative actual by the end of that day, and the plan to date.</summary>
public sealed record HistoryPoint(DateOnly Day, decimal Actual, decimal Plan);

/// <summary>A node's cumulative actual per day over its window up to the as-of day, against the plan (for charts and the API).</summary>
public sealed record NodeHistory(GoalNode Node, PeriodWindow Window, decimal Target, IReadOnlyList<HistoryPoint> Points);

/// <summary>
/// A node's history, computed with the rollup's own rules (conversion rates, derived KPIs, reported actuals
/// driving their node): the rollup of the as-of day is repeated once per day of the node's window with the
/// values recorded up to that day. The store is read once per window of the rollup's plan, aggregated per
/// (node, day) — never per entry. The plan to date is target × working days elapsed ÷ working days in the
/// window (levels — ratios, averages, latest values — plan their target every day).
/// </summary>
public sealed class NodeHistoryService(IDailyTotals daily)
{
    private readonly IDailyTotals _daily = daily ?? throw new ArgumentNullException(nameof(daily));

    /// <returns>Null when the node is not in the team's tree or has no number (a KSF).</returns>
    public Task<NodeHistory?> HistoryAsync(GoalsModel model, string nodeId, DateOnly asOf, string? teamId, CancellationToken ct) =>
        HistoryAsync(model, nodeId, asOf, teamId, period: null, ct);

    /// <param name="period">The window's kind (as the tree's period choice), or null for the node's own period.</param>
    /// <returns>Null when the node is not in the team's tree or has no number (a KSF).</returns>
    public async Task<NodeHistory?> HistoryAsync(GoalsModel model, string nodeId, DateOnly asOf, string? teamId, PeriodKind? period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        var request = new RollupRequest(asOf, teamId, period);
        var shape = RollupCalculator.Compute(model, request, RollupActuals.Empty).Find(nodeId);
        if (shape is not { Window: { } window, Figures: { } figures })
        {
            return null;
        }

        var fetched = new List<(PeriodWindow Window, IReadOnlyList<DailyTotal> Rows)>();
        foreach (var query in RollupCalculator.Plan(model, request).Queries)
        {
            fetched.Add((query.Window, await _daily.GetDailyTotalsAsync(query.Window, query.NodeIds, ct).ConfigureAwait(false)));
        }

        var calendar = TeamOf(model, shape.Node) is { } team && model.TeamsById.TryGetValue(team, out var t)
            ? WorkCalendar.For(t)
            : WorkCalendar.Weekdays;
        var total = calendar.CountWorkingDays(window.Start, window.End);
        var level = shape.Node is Kpi kpi && !KpiMeasures.IsSummed(kpi);
        var points = new List<HistoryPoint>();
        for (var day = window.Start; day <= window.End && day <= asOf; day = day.AddDays(1))
        {
            var actuals = new RollupActuals();
            foreach (var (queryWindow, rows) in fetched)
            {
                actuals.Add(queryWindow, UpTo(rows, day));
            }

            var actual = RollupCalculator.Compute(model, request, actuals).Find(nodeId)?.Figures?.Actual ?? 0m;
            var plan = level ? figures.Target : ProgressMath.Expected(figures.Target, calendar.CountWorkingDays(window.Start, day), total);
            points.Add(new HistoryPoint(day, actual, plan));
        }

        return new NodeHistory(shape.Node, window, figures.Target, points);
    }

    /// <summary>Each node's totals up to <paramref name="day"/>, everyone together; "latest" is that node's last recorded day.</summary>
    private static IEnumerable<ActualTotal> UpTo(IReadOnlyList<DailyTotal> rows, DateOnly day) => rows
        .Where(r => r.Day <= day)
        .GroupBy(r => r.NodeId, StringComparer.Ordinal)
        .Select(g => new ActualTotal(string.Empty, g.Key, g.Sum(r => r.Sum), g.Sum(r => r.Count), g.MaxBy(r => r.Day)!.Sum));

    private static string? TeamOf(GoalsModel model, GoalNode node) => node switch
    {
        Kdi kdi => kdi.TeamId,
        _ => Outcomes.OutcomeNodes.OwnerTeamOf(model, node),
    };
}
