using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Tests.Calendar;

public class PeriodWindowTests
{
    private static readonly PeriodWindow Goal = new(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));

    [Theory]
    [InlineData(PeriodKind.Day, "2026-11-10", "2026-11-10", "2026-11-10")]
    [InlineData(PeriodKind.Week, "2026-11-10", "2026-11-09", "2026-11-15")]
    [InlineData(PeriodKind.Week, "2026-11-09", "2026-11-09", "2026-11-15")]
    [InlineData(PeriodKind.Week, "2026-11-15", "2026-11-09", "2026-11-15")]
    [InlineData(PeriodKind.Week, "2026-12-02", "2026-11-30", "2026-12-06")] // across a month end
    [InlineData(PeriodKind.Month, "2026-11-10", "2026-11-01", "2026-11-30")]
    [InlineData(PeriodKind.Month, "2028-02-10", "2028-02-01", "2028-02-29")]
    [InlineData(PeriodKind.Quarter, "2026-11-10", "2026-10-01", "2026-12-31")]
    [InlineData(PeriodKind.Quarter, "2027-02-15", "2027-01-01", "2027-03-31")]
    [InlineData(PeriodKind.Quarter, "2026-04-01", "2026-04-01", "2026-06-30")]
    [InlineData(PeriodKind.Quarter, "2026-06-30", "2026-04-01", "2026-06-30")]
    [InlineData(PeriodKind.Year, "2027-02-15", "2026-04-01", "2027-03-31")]
    [InlineData(PeriodKind.Year, "2026-04-01", "2026-04-01", "2027-03-31")]
    [InlineData(PeriodKind.Year, "2026-03-31", "2025-04-01", "2026-03-31")]
    [InlineData(PeriodKind.Window, "2026-11-10", "2026-04-01", "2027-03-31")]
    public void Containing_WithMondayWeeksAndAprilFiscalYear_IsTheExpectedPeriod(PeriodKind kind, string day, string start, string end)
    {
        var window = PeriodWindow.Containing(kind, DateOnly.Parse(day), Goal);

        Assert.Equal(new PeriodWindow(DateOnly.Parse(start), DateOnly.Parse(end)), window);
    }

    [Fact]
    public void Containing_WeekStartingSunday_StartsOnSunday()
    {
        var window = PeriodWindow.Containing(PeriodKind.Week, new DateOnly(2026, 11, 10), Goal, DayOfWeek.Sunday);

        Assert.Equal(new PeriodWindow(new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 14)), window);
    }

    [Theory]
    [InlineData(PeriodKind.Quarter, "2026-11-10", "2026-10-01", "2026-12-31")]
    [InlineData(PeriodKind.Year, "2026-11-10", "2026-01-01", "2026-12-31")]
    [InlineData(PeriodKind.Quarter, "2026-02-28", "2026-01-01", "2026-03-31")]
    public void Containing_WithJanuaryFiscalYear_IsTheCalendarQuarterOrYear(PeriodKind kind, string day, string start, string end)
    {
        var window = PeriodWindow.Containing(kind, DateOnly.Parse(day), Goal, fiscalYearStartMonth: 1);

        Assert.Equal(new PeriodWindow(DateOnly.Parse(start), DateOnly.Parse(end)), window);
    }

    [Fact]
    public void Containing_WithOctoberFiscalYear_StartsQuartersInOctober()
    {
        var quarter = PeriodWindow.Containing(PeriodKind.Quarter, new DateOnly(2026, 9, 30), Goal, fiscalYearStartMonth: 10);
        var year = PeriodWindow.Containing(PeriodKind.Year, new DateOnly(2026, 9, 30), Goal, fiscalYearStartMonth: 10);

        Assert.Equal(new PeriodWindow(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), quarter);
        Assert.Equal(new PeriodWindow(new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30)), year);
    }

    [Fact]
    public void ContainsAndCalendarDays_IncludeBothEnds()
    {
        var week = new PeriodWindow(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6));

        Assert.Equal(7, week.CalendarDays);
        Assert.True(week.Contains(new DateOnly(2026, 11, 30)));
        Assert.True(week.Contains(new DateOnly(2026, 12, 6)));
        Assert.False(week.Contains(new DateOnly(2026, 12, 7)));
        Assert.Equal("2026-11-30..2026-12-06", week.ToString());
    }
}
