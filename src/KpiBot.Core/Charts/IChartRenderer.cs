namespace KpiBot.Core.Charts;

/// <summary>Draws a <see cref="LineChart"/>: SVG for pages, PNG for chat. Implemented outside Core (a drawing library).</summary>
public interface IChartRenderer
{
    /// <summary>The chart as an SVG document.</summary>
    string Svg(LineChart chart, int width, int height);

    /// <summary>The chart as a PNG image.</summary>
    byte[] Png(LineChart chart, int width, int height);
}
