using KpiBot.Core.Formatting;
using KpiBot.Core.Reporting;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Charts;

/// <summary>The chart of one goal: cumulative actual and plan per day over its window, and the forecast to the window's end.</summary>
public static class GoalCharts
{
    /// <param name="history">The node's history up to the as-of day.</param>
    /// <param name="figures">The node's figures on the as-of day (its forecast), or null.</param>
    /// <param name="unit">The node's unit as the reader reads it (a percentage is drawn as 0–100, not as a fraction).</param>
    /// <param name="names">The series' names in the reader's language: actual, plan, forecast.</param>
    public static LineChart For(NodeHistory history, ProgressFigures? figures, DisplayUnit unit, (string Actual, string Plan, string Forecast) names)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(unit);
        var scale = unit.Kind == UnitKind.Percent ? 100m : 1m;
        var actual = history.Points.Select(p => new ChartPoint(p.Day, p.Actual * scale)).ToList();
        var plan = history.Points.Select(p => new ChartPoint(p.Day, p.Plan * scale)).ToList();
        var end = history.Window.End;
        var last = history.Points.Count > 0 ? history.Points[^1] : null;
        if (last is not null && last.Day < end)
        {
            // The plan goes on to the window's end: the whole target there (a level plans its target every day).
            plan.Add(new ChartPoint(end, history.Target * scale));
        }

        var series = new List<ChartSeries> { new(names.Plan, SeriesKind.Plan, plan), new(names.Actual, SeriesKind.Actual, actual) };
        if (figures?.Forecast is { } forecast && last is not null && last.Day < end)
        {
            series.Add(new ChartSeries(names.Forecast, SeriesKind.Forecast, [new ChartPoint(last.Day, last.Actual * scale), new ChartPoint(end, forecast * scale)]));
        }

        return new LineChart(history.Node.Title, unit.Symbol ?? unit.Text, series);
    }
}
