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

    [Fact]
    public void ForSum_WithABaseline_ExtrapolatesOnlyTheGainSinceTheStart()
    {
        // Baseline 12, 0.72 gained after 2 of 20 working days, target 20: the expected gain so far is 8 × 2 ÷ 20 = 0.8.
        var figures = ProgressMath.ForSum(12.72m, 20m, 2, 20, windowStarted: true, new StatusThresholds(JudgeAfterDays: 1), baseline: 12m);

        Assert.Equal(19.2m, figures.Forecast);          // 12 + 0.72 ÷ 2 × 20, not 12.72 ÷ 2 × 20 = 127.2
        Assert.Equal(0.9m, figures.Pace);               // 0.72 ÷ 0.8
        Assert.Equal(12.8m, figures.Expected);
        Assert.Equal(ProgressStatus.AtRisk, figures.Status);
        Assert.Equal(7.28m / 18m, figures.NeededPerWorkingDay);
    }

    [Theory]
    [InlineData(1, ProgressStatus.TooEarly)]
    [InlineData(2, ProgressStatus.TooEarly)]
    [InlineData(3, ProgressStatus.OffTrack)]
    public void ForSum_InTheFirstWorkingDays_IsTooEarlyToTell(int elapsed, ProgressStatus expected)
    {
        // Nothing done yet: off-track once judged, but the default judges from the third working day on.
        var figures = ProgressMath.ForSum(0m, 190m, elapsed, 19, windowStarted: true, Default);

        Assert.Equal(expected, figures.Status);
    }

    [Fact]
    public void Judged_FollowsTheThresholdAndAShortWindow()
    {
        var fiveDays = new StatusThresholds(JudgeAfterDays: 5);

        Assert.Equal(ProgressStatus.TooEarly, ProgressMath.Judged(true, 4, 19, fiveDays));
        Assert.Null(ProgressMath.Judged(true, 5, 19, fiveDays));
        Assert.Null(ProgressMath.Judged(true, 1, 1, Default));   // a one-day window is judged on its day
        Assert.Equal(ProgressStatus.NotStarted, ProgressMath.Judged(false, 0, 19, Default));
        Assert.Equal(ProgressStatus.TooEarly, ProgressMath.ForLevel(0m, 0.2m, 1, 19, windowStarted: true, Default).Status);
    }
}
