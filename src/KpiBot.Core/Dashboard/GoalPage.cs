using System.Globalization;
using KpiBot.Core.Charts;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Reporting;

namespace KpiBot.Core.Dashboard;

/// <summary>One goal of a team's tree: its row (as the tree shows it) and its chart over the period.</summary>
public sealed record GoalPageView(Team Team, PeriodKind? Period, DateOnly AsOf, TreeRow Row, LineChart Chart);

/// <summary>
/// Builds a KPI/KDI page: the node's row from the same rollup as the tree (so the numbers agree), and its cumulative
/// actual against plan per day with the forecast line, from <see cref="NodeHistoryService"/>.
/// </summary>
public sealed class GoalPageBuilder(TreePageBuilder tree, NodeHistoryService histories)
{
    private readonly TreePageBuilder _tree = tree ?? throw new ArgumentNullException(nameof(tree));
    private readonly NodeHistoryService _histories = histories ?? throw new ArgumentNullException(nameof(histories));

    /// <param name="names">The chart's series names in the reader's language.</param>
    /// <returns>Null when the node is not a goal with a number in the team's tree.</returns>
    public async Task<GoalPageView?> BuildAsync(
        GoalsModel model, Team team, string nodeId, PeriodKind? period, DateOnly asOf, CultureInfo culture,
        (string Actual, string Plan, string Forecast) names, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(team);
        var report = await _tree.ReportAsync(model, team, period, asOf, ct).ConfigureAwait(false);
        if (report.Find(nodeId) is not { Figures: not null } node)
        {
            return null;
        }

        var history = await _histories.HistoryAsync(model, nodeId, asOf, team.Id, period, ct).ConfigureAwait(false);
        if (history is null)
        {
            return null;
        }

        var row = TreePageBuilder.Row(node, node.Figures, 0, culture);
        var chart = GoalCharts.For(history, node.Figures, Units.Of(node.Node, culture), names);
        return new GoalPageView(team, period, asOf, row, chart);
    }
}
