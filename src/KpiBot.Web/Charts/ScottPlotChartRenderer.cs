using KpiBot.Core.Charts;
using ScottPlot;

namespace KpiBot.Web.Charts;

/// <summary>
/// Draws Core's line charts with ScottPlot: dates along the bottom, values up the left, the plan thin and grey, the
/// actual solid blue, the forecast dashed. Words (title, series names) stay out of the picture — the page and the
/// chat message carry them in the reader's language — so no font for Japanese is needed on the host.
/// </summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public static readonly string PlanColor = "#8c959f";
    public static readonly string ActualColor = "#0969da";
    public static readonly string ForecastColor = "#bf8700";

    public string Svg(LineChart chart, int width, int height)
    {
        using var plot = Draw(chart);
        return plot.GetSvgXml(width, height);
    }

    public byte[] Png(LineChart chart, int width, int height)
    {
        using var plot = Draw(chart);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>
    /// Each group two bars, the plan to date (grey) and the actual (blue), in % of the goal's target, with a line at
    /// 100 %; groups are numbered along the bottom (the message beside the picture names them).
    /// </summary>
    public byte[] Png(BarChart chart, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < chart.Groups.Count; i++)
        {
            var group = chart.Groups[i];
            bars.Add(new Bar { Position = i * 3 + 1, Value = (double)group.PlanPercent, FillColor = Color.FromHex(PlanColor), Size = 1 });
            bars.Add(new Bar { Position = i * 3 + 2, Value = (double)group.ActualPercent, FillColor = Color.FromHex(ActualColor), Size = 1 });
        }

        plot.Add.Bars(bars);
        var full = plot.Add.HorizontalLine(100);
        full.Color = Color.FromHex(ForecastColor);
        full.LinePattern = LinePattern.Dashed;
        plot.Axes.Bottom.SetTicks(
            [.. chart.Groups.Select((_, i) => i * 3 + 1.5)],
            [.. chart.Groups.Select(g => g.Label)]);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public static string ColorOf(SeriesKind kind) => kind switch
    {
        SeriesKind.Actual => ActualColor,
        SeriesKind.Forecast => ForecastColor,
        _ => PlanColor,
    };

    private static Plot Draw(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = new Plot();
        foreach (var series in chart.Series.Where(s => s.Points.Count > 0))
        {
            var xs = series.Points.Select(p => p.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var ys = series.Points.Select(p => (double)p.Value).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.Color = Color.FromHex(ColorOf(series.Kind));
            line.MarkerSize = 0;
            line.LineWidth = series.Kind == SeriesKind.Actual ? 3 : 2;
            line.LinePattern = series.Kind == SeriesKind.Forecast ? LinePattern.Dashed : LinePattern.Solid;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        return plot;
    }
}
