namespace KpiBot.Core.Charts;

/// <summary>Draws Core's charts: SVG for pages, PNG for chat. Implemented outside Core (a drawing library).</summary>
public interface IChartRenderer
{
    /// <summary>The chart as an SVG document.</summary>
    string Svg(LineChart chart, int width, int height);

    /// <summary>The chart as a PNG image.</summary>
    byte[] Png(LineChart chart, int width, int height);

    /// <summary>The bar chart (the digest's KGI and its KPIs) as a PNG image.</summary>
    byte[] Png(BarChart chart, int width, int height);
}
