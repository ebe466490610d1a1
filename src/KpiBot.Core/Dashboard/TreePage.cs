using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Dashboard;

/// <summary>One row of the dashboard's goal tree: the chat tree's line plus pace, forecast and what each day must bring.</summary>
public sealed record TreeRow(
    int Depth,
    GoalKind Kind,
    string NodeId,
    string Title,
    string? FiguresText,
    decimal? Fraction,
    string? PercentText,
    ProgressStatus? Status,
    string? StatusText,
    string? PaceText,
    string? ForecastText,
    string? NeededText,
    string? WindowText);

/// <summary>The tree of one team for one period as of one day.</summary>
public sealed record TreePageView(Team Team, PeriodKind? Period, DateOnly AsOf, IReadOnlyList<TreeRow> Rows);

/// <summary>
/// Builds the dashboard's tree from the same rollup as chat's <c>tree</c> (team totals, the team's time off), so a
/// page and a chat answer for the same team and day show the same numbers.
/// </summary>
public sealed class TreePageBuilder(RollupService rollup, IDayStore days)
{
    private readonly RollupService _rollup = rollup ?? throw new ArgumentNullException(nameof(rollup));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));

    public async Task<TreePageView> BuildAsync(GoalsModel model, Team team, PeriodKind? period, DateOnly asOf, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(team);
        var report = await ReportAsync(model, team, period, asOf, ct).ConfigureAwait(false);
        var rows = new List<TreeRow>();
        foreach (var root in report.Roots)
        {
            Add(root, 0, culture, rows);
        }

        return new TreePageView(team, period, asOf, rows);
    }

    /// <summary>The team's rollup as of <paramref name="asOf"/>, with its reps' time off (as chat's tree and status compute it).</summary>
    public async Task<RollupReport> ReportAsync(GoalsModel model, Team team, PeriodKind? period, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(team);
        var ids = RepDays.RepsOf(model, team.Id).Select(p => p.Id).ToList();
        var timeOff = await RepDays.TimeOffAsync(model, ids, asOf, _days, ct).ConfigureAwait(false);
        return await _rollup.ComputeAsync(model, new RollupRequest(asOf, team.Id, period, timeOff), ct).ConfigureAwait(false);
    }

    /// <summary>The row for one node (its own figures, or one person's part of it).</summary>
    public static TreeRow Row(RollupNode node, ProgressFigures? figures, int depth, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(node);
        var line = ProgressLines.Line(node, figures, depth, culture);
        return new TreeRow(
            depth, line.Kind, line.NodeId, line.Title, line.FiguresText, line.Fraction, line.Detail, line.Status, line.StatusText,
            figures?.Pace is { } pace ? LeadTexts.Percent(pace * 100m, culture) : null,
            figures?.Forecast is { } forecast ? QuantityFormatter.Format(forecast, node.Node, culture) : null,
            figures?.NeededPerWorkingDay is { } needed && figures.Actual < figures.Target ? QuantityFormatter.Format(needed, node.Node, culture, QuantityRounding.Up) : null,
            node.Window is { } window ? WindowText(window, culture) : null);
    }

    /// <summary>"2026/11/01 – 2026/11/30" in the culture's short date.</summary>
    public static string WindowText(PeriodWindow window, CultureInfo culture) =>
        window.Start.ToString("d", culture) + " – " + window.End.ToString("d", culture);

    private static void Add(RollupNode node, int depth, CultureInfo culture, List<TreeRow> rows)
    {
        rows.Add(Row(node, node.Figures, depth, culture));
        foreach (var child in node.Children)
        {
            Add(child, depth + 1, culture, rows);
        }
    }
}
