using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Tests.Rollup;

public class ProgressMathTests
{
    private static readonly StatusThresholds Default = StatusThresholds.Default; // 0.95 / 0.80

    [Fact]
    public void ProgressPercent_IsActualOverTargetTimes100_AndNullForNoTarget()
    {
        Assert.Equal(38.2m, ProgressMath.ProgressPercent(38_200_000m, 100_000_000m));
        Assert.Null(ProgressMath.ProgressPercent(5m, 0m));
    }

    [Fact]
    public void Expected_IsTargetTimesElapsedOverTotal()
    {
        Assert.Equal(60m, ProgressMath.Expected(190m, 6, 19));
        Assert.Equal(0m, ProgressMath.Expected(190m, 0, 0));
        Assert.Equal(190m, ProgressMath.Expected(190m, 25, 19)); // clamped to the window
    }

    [Fact]
    public void Pace_IsActualOverExpected_AndNullWhenNothingExpected()
    {
        Assert.Equal(1.1m, ProgressMath.Pace(66m, 60m));
        Assert.Null(ProgressMath.Pace(66m, 0m));
    }

    [Fact]
    public void NeededPerWorkingDay_SpreadsTheGapOverDaysLeft()
    {
        Assert.Equal(10m, ProgressMath.NeededPerWorkingDay(60m, 190m, 13));
        Assert.Equal(0m, ProgressMath.NeededPerWorkingDay(200m, 190m, 13));   // ahead: nothing more needed
        Assert.Null(ProgressMath.NeededPerWorkingDay(60m, 190m, 0));         // no day left
    }

    [Fact]
    public void Forecast_ExtendsTheDailyRateToTheEnd()
    {
        Assert.Equal(209m, ProgressMath.Forecast(66m, 6, 19));
        Assert.Null(ProgressMath.Forecast(0m, 0, 19));
    }

    [Theory]
    [InlineData("0.95", ProgressStatus.OnTrack)]
    [InlineData("0.9499", ProgressStatus.AtRisk)]
    [InlineData("0.80", ProgressStatus.AtRisk)]
    [InlineData("0.7999", ProgressStatus.OffTrack)]
    [InlineData("1.5", ProgressStatus.OnTrack)]
    [InlineData("0", ProgressStatus.OffTrack)]
    public void Classify_AtTheBoundaries_GivesTheBetterStatus(string ratio, ProgressStatus expected)
    {
        Assert.Equal(expected, ProgressMath.Classify(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture), Default));
    }

    [Fact]
    public void ForSum_BeforeAnyWorkingDay_IsNotStarted()
    {
        var figures = ProgressMath.ForSum(0m, 190m, 0, 19, windowStarted: true, Default);

        Assert.Equal(ProgressStatus.NotStarted, figures.Status);
        Assert.Null(figures.Pace);
        Assert.Null(figures.Forecast);
        Assert.Equal(10m, figures.NeededPerWorkingDay);
    }

    [Fact]
    public void ForSum_WithZeroTarget_IsOnTrack()
    {
        var figures = ProgressMath.ForSum(0m, 0m, 3, 19, windowStarted: true, Default);

        Assert.Equal(ProgressStatus.OnTrack, figures.Status);
        Assert.Null(figures.ProgressPercent);
    }

    [Fact]
    public void ForLevel_ComparesActualWithTarget_WithoutPaceOrForecast()
    {
        var figures = ProgressMath.ForLevel(16m, 20m, 6, 19, windowStarted: true, Default);

        Assert.Equal(80m, figures.ProgressPercent);
        Assert.Equal(ProgressStatus.AtRisk, figures.Status);
        Assert.Null(figures.Pace);
        Assert.Null(figures.Forecast);
        Assert.Null(figures.NeededPerWorkingDay);
        Assert.Equal(20m, figures.Expected);
    }
}
