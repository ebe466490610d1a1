namespace KpiBot.Core.Charts;

/// <summary>How a series is drawn: what was done (solid), the plan (thin), the forecast (dashed).</summary>
public enum SeriesKind
{
    Actual,
    Plan,
    Forecast,
}

/// <summary>One value on one day.</summary>
public sealed record ChartPoint(DateOnly Day, decimal Value);

/// <summary>One line of a chart, its name in the reader's language.</summary>
public sealed record ChartSeries(string Name, SeriesKind Kind, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// A line chart over days, platform- and library-neutral: what to draw, in the reader's language. Drawn by an
/// <see cref="IChartRenderer"/> (SVG for pages, PNG for chat).
/// </summary>
public sealed record LineChart(string Title, string UnitLabel, IReadOnlyList<ChartSeries> Series)
{
    public bool IsEmpty => Series.All(s => s.Points.Count == 0);
}
