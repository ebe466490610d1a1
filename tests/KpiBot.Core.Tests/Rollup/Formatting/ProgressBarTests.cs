using KpiBot.Core.Formatting;

namespace KpiBot.Core.Tests.Rollup.Formatting;

public class ProgressBarTests
{
    [Theory]
    [InlineData("0.382", "▓▓▓▓░░░░░░")]
    [InlineData("0.05", "▓░░░░░░░░░")]   // half a cell rounds up
    [InlineData("0.04", "░░░░░░░░░░")]
    [InlineData("1", "▓▓▓▓▓▓▓▓▓▓")]
    [InlineData("1.7", "▓▓▓▓▓▓▓▓▓▓")]   // over target: full, not longer
    [InlineData("-0.2", "░░░░░░░░░░")]
    public void Render_FillsTheRoundedShare(string fraction, string expected)
    {
        Assert.Equal(expected, ProgressBar.Render(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Render_WithoutFraction_IsEmpty_AndWidthIsKept()
    {
        Assert.Equal("░░░░░░░░░░", ProgressBar.Render(null));
        Assert.Equal("▓▓░░", ProgressBar.Render(0.5m, 4));
    }
}
